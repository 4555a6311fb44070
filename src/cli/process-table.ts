import { type ProcessTable, processStart } from "../cache/stale-temps.js";

/** This process and the liveness probe the cache uses to tell a dead run's leftovers from a live one's. */
export function processTable(): ProcessTable {
  return {
    self: { pid: process.pid, start: processStart(process.pid) },
    exists(pid) {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        // EPERM: it exists, owned by another user.
        return (error as NodeJS.ErrnoException).code === "EPERM";
      }
    },
  };
}
