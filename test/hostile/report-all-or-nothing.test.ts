import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { writeReport } from "../../src/reports/write-report.js";
import { writers } from "../../src/reports/writers.js";
import { jengaResult, packageResult } from "../helpers/result.js";

// Issue 15 item 10: a run killed while writing its report left index.html and jenga.json
// linking to pages that were missing, or pages of two runs under one index. The fault:
// the disk fills (or the process dies) after a number of files, injected into the
// writers every report file goes through.
const faults = vi.hoisted(() => {
  const state = { writesLeft: Number.POSITIVE_INFINITY };
  /** A writer that fails once `writesLeft` files were written. */
  const failing =
    (real: (f: string, c: string) => Promise<void>) => async (file: string, content: string) => {
      if (state.writesLeft-- <= 0)
        throw Object.assign(new Error("no space left"), { code: "ENOSPC" });
      return real(file, content);
    };
  return Object.assign(state, { failing });
});

vi.mock("write-file-atomic", async (importOriginal) => ({
  default: faults.failing(
    (await importOriginal<{ default: (f: string, c: string) => Promise<void> }>()).default,
  ),
}));
// A run's new folder is written by exclusive creates, not atomic writes: the same fault.
vi.mock("../../src/reports/write-new-file.js", async (importOriginal) => ({
  writeNewFile: faults.failing(
    (await importOriginal<typeof import("../../src/reports/write-new-file.js")>()).writeNewFile,
  ),
}));

let out: string;
beforeEach(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), "jenga-report-"));
  faults.writesLeft = Number.POSITIVE_INFINITY;
});
afterEach(() => rm(out, { recursive: true, force: true }));

const before = jengaResult(["a", "b"].map((name) => packageResult({ name })));
const after = jengaResult(["a", "b", "c", "d"].map((name) => packageResult({ name, health: 10 })));
const write = (result: typeof before) => writeReport(out, writers.html(result), out);

/** Every local link of the top-level index resolves to a file of the same run. */
async function expectWholeReport(result: typeof before) {
  const index = await readFile(path.join(out, "index.html"), "utf8");
  expect(index).toBe(writers.html(result)["index.html"]);
  const $ = cheerio.load(index);
  const links = [
    ...$("a[href]").map((_, a) => $(a).attr("href")),
    ...$("link[href]").map((_, l) => $(l).attr("href")),
    ...$("script[src]").map((_, s) => $(s).attr("src")),
  ].filter((href): href is string => !!href && !href.startsWith("#"));
  const packages = links.filter((href) => href.includes("/packages/"));
  expect(new Set(packages).size).toBe(result.packages.length);
  const expected = writers.html(result);
  for (const href of links) {
    const file = href.split("#")[0] ?? "";
    // The JSON result exists once, beside the index, and is checked by the caller: it is
    // renamed into place just before the index, so it is newer when the index alone failed.
    if (file === "jenga.json") continue;
    expect(existsSync(path.join(out, file)), file).toBe(true);
    expect(await readFile(path.join(out, file), "utf8")).toBe(expected[file]);
  }
}

describe("the HTML report, all or nothing", () => {
  it("a run that fails half way leaves the previous report whole", async () => {
    await write(before);
    await expectWholeReport(before);
    const files = Object.keys(writers.html(after)).length;
    for (const writesLeft of [0, 3, files - 2, files - 1]) {
      faults.writesLeft = writesLeft;
      await expect(write(after)).rejects.toThrow(/no space left/);
      faults.writesLeft = Number.POSITIVE_INFINITY;
      await expectWholeReport(before);
      // jenga.json is renamed into place just before the index (two renames are never
      // one): it is the new result only when the index alone failed.
      const json = await readFile(path.join(out, "jenga.json"), "utf8");
      const newer = writesLeft === files - 1;
      expect(json).toBe(writers.html(newer ? after : before)["jenga.json"]);
    }
    // A later run that succeeds removes the folder the failed ones left.
    const third = jengaResult([packageResult({ name: "e" })]);
    await write(third);
    await expectWholeReport(third);
    expect(await readFile(path.join(out, "jenga.json"), "utf8")).toBe(
      writers.html(third)["jenga.json"],
    );
    expect((await readdir(out)).sort()).toEqual([
      "index.html",
      "jenga.json",
      expect.stringMatching(/^run-[0-9a-f]{12}$/),
    ]);
  });

  it("removes the previous run's pages, and nothing jenga did not write", async () => {
    await writeFile(path.join(out, ".gitkeep"), "");
    await mkdir(path.join(out, "screenshots"));
    await writeFile(path.join(out, "screenshots/index.png"), "png");
    // Named like a run folder, but without jenga's list of files: not jenga's.
    await mkdir(path.join(out, "run-0123456789ab"));
    await writeFile(path.join(out, "run-0123456789ab/mine.txt"), "mine");
    await write(before);
    const [firstRun] = (await readdir(out)).filter(
      (n) => n.startsWith("run-") && n !== "run-0123456789ab",
    );
    await writeFile(path.join(out, `${firstRun}/packages/notes.txt`), "kept");

    await write(after);
    await expectWholeReport(after);
    const left = (await readdir(out)).sort();
    expect(left).toContain(".gitkeep");
    expect(left).toContain("screenshots");
    expect(left).toContain("run-0123456789ab");
    expect(await readFile(path.join(out, "screenshots/index.png"), "utf8")).toBe("png");
    expect(await readFile(path.join(out, "run-0123456789ab/mine.txt"), "utf8")).toBe("mine");
    // Of the first run, only what jenga did not write is left.
    const remaining = await readdir(path.join(out, `${firstRun}`), { recursive: true });
    expect(remaining.sort()).toEqual(["packages", "packages/notes.txt"]);
    const runs = left.filter((n) => /^run-[0-9a-f]{12}$/.test(n));
    expect(runs).toHaveLength(3);
  });
});
