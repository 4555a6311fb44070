import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useSmallApp } from "../cli/small-app.js";

// Issue 15 item 7: a full disk under --out ended in `internal error` with no path, and
// left a report without its package pages. Now: exit 2, one line naming the file that
// could not be written, the previous report whole, nothing of the failed run left. The
// fault is injected into the writers every output goes through, for files under
// one folder only (the cache, elsewhere, keeps working).
const disk = vi.hoisted(() => ({ fullUnder: "", writesLeft: 0 }));

vi.mock("write-file-atomic", async (importOriginal) => {
  const real = (await importOriginal<{ default: (f: string, c: string) => Promise<void> }>())
    .default;
  const failing = async (file: string, content: string, ...rest: unknown[]) => {
    if (disk.fullUnder && file.startsWith(disk.fullUnder) && disk.writesLeft-- <= 0)
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), {
        code: "ENOSPC",
      });
    return (real as (...args: unknown[]) => Promise<void>)(file, content, ...rest);
  };
  return { default: failing };
});
// A run's new report folder is written by exclusive creates, not atomic writes: the same fault.
vi.mock("../../src/reports/write-new-file.js", async (importOriginal) => {
  const real = (await importOriginal<typeof import("../../src/reports/write-new-file.js")>())
    .writeNewFile;
  const failing = async (file: string, content: string) => {
    if (disk.fullUnder && file.startsWith(disk.fullUnder) && disk.writesLeft-- <= 0)
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), {
        code: "ENOSPC",
      });
    return real(file, content);
  };
  return { writeNewFile: failing };
});

const { state, run } = useSmallApp();
const analyze = (args: string[]) => run(["analyze", "--quiet", "--no-git", "--no-usage", ...args]);

beforeEach(() => {
  disk.fullUnder = "";
  disk.writesLeft = 0;
});

/** Exit 2, and the first line names a file under `folder` and the reason; no stack. */
function expectOneLine(result: { code: number; stderr: string }, folder: string) {
  expect(result.code).toBe(2);
  const [first] = result.stderr.split("\n");
  expect(first).toMatch(/^jenga: .+: cannot write: no space left on the device \(ENOSPC\)$/);
  expect(first).toContain(folder);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
}

async function snapshot(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, file)] = await readFile(file, "utf8");
  }
  return files;
}

describe("a full disk under the output folder", () => {
  it("fails the run with one line naming the file; the previous report stays whole", async () => {
    const reports = path.join(state.project.dir, "reports");
    expect((await analyze([])).code).toBe(0);
    const before = await snapshot(reports);
    expect(Object.keys(before).some((f) => f.includes("/packages/"))).toBe(true);
    // A new result (another config), so a new run folder: the disk fills part way through it.
    for (const writesLeft of [0, 2, 7]) {
      disk.fullUnder = reports;
      disk.writesLeft = writesLeft;
      const failed = await analyze(["--no-advisories"]);
      expectOneLine(failed, reports);
      const after = await snapshot(reports);
      expect(Object.keys(after).sort(), String(writesLeft)).toEqual(Object.keys(before).sort());
      expect(after).toEqual(before);
    }
  });

  it.each(["--json", "--sarif", "--markdown", "--csv"])(
    "%s FILE: one line naming the file, and no file",
    async (flag) => {
      const full = path.join(state.project.dir, "full");
      await mkdir(full);
      disk.fullUnder = full;
      const file = path.join(full, "out.txt");
      const failed = await analyze([flag, file]);
      expectOneLine(failed, file);
      expect(await readdir(full)).toEqual([]);
    },
  );
});
