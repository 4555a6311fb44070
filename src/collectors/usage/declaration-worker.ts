import os from "node:os";
import { parentPort } from "node:worker_threads";
import { type PostedPackage, received } from "./declaration-checker.js";
import { declaredSurface, loadTypeScript } from "./declared-exports.js";

/**
 * The worker thread behind `createDeclarationChecker`: answers each
 * `{ id, name, pkg }` with the package's declared surface. TypeScript is
 * loaded as soon as the thread starts, while the first question is copied in.
 */
/**
 * The parsing thread is the run's critical path; this one's answers are
 * awaited only at the end. On Linux a nice value is a thread's own, so the
 * checker yields the CPU to the parser when both want it. Elsewhere it would
 * lower the whole process.
 */
if (os.platform() === "linux") {
  try {
    os.setPriority(0, 5);
  } catch {
    // Not permitted in some sandboxes: the thread runs at the process's priority.
  }
}
loadTypeScript();
parentPort?.on("message", (job: { id: number; name: string; pkg: PostedPackage }) => {
  parentPort?.postMessage({ id: job.id, surface: declaredSurface(job.name, received(job.pkg)) });
});
