import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { useSmallApp } from "../cli/small-app.js";

// Issue 15 item 8: a repository under analysis can ship links in its output folder;
// jenga followed them and wrote its files outside the project. Now it refuses: exit 2,
// one line naming the link, and nothing written outside.
const { state, run } = useSmallApp();
let outside: string;

beforeEach(async () => {
  outside = path.join(path.dirname(state.project.dir), "outside");
  await mkdir(outside);
  await writeFile(path.join(outside, "precious"), "keep me\n");
});

async function expectUntouchedOutside() {
  expect((await readdir(outside)).sort()).toEqual(["precious"]);
  expect(await readFile(path.join(outside, "precious"), "utf8")).toBe("keep me\n");
}

async function expectRefused(args: string[], link: string) {
  const result = await run(["analyze", "--quiet", "--no-git", "--no-usage", ...args]);
  expect(result.code).toBe(2);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(path.join(state.project.dir, link));
  expect(lines[0]).toContain("symbolic link");
  await expectUntouchedOutside();
}

describe("links planted in the output folder", () => {
  // The pages now go to a folder named after each run's result (item 10), which a
  // repository cannot know in advance; jenga no longer writes these two paths at all.
  it("never writes through reports/packages -> a folder outside", async () => {
    await mkdir(path.join(state.project.dir, "reports"));
    await symlink(outside, path.join(state.project.dir, "reports/packages"));
    await run(["analyze", "--quiet", "--no-git", "--no-usage"]);
    await expectUntouchedOutside();
  });

  it("never writes through reports/glossary.html -> a file outside", async () => {
    await mkdir(path.join(state.project.dir, "reports"));
    await symlink(
      path.join(outside, "precious"),
      path.join(state.project.dir, "reports/glossary.html"),
    );
    await run(["analyze", "--quiet", "--no-git", "--no-usage"]);
    await expectUntouchedOutside();
  });

  it("refuses reports/index.html -> a file outside", async () => {
    await mkdir(path.join(state.project.dir, "reports"));
    await symlink(
      path.join(outside, "precious"),
      path.join(state.project.dir, "reports/index.html"),
    );
    await expectRefused([], "reports/index.html");
  });

  it("refuses an output folder that is itself a link", async () => {
    await symlink(outside, path.join(state.project.dir, "reports"));
    await expectRefused([], "reports");
  });

  it("refuses a --sarif path that is a link", async () => {
    await symlink(path.join(outside, "precious"), path.join(state.project.dir, "jenga.sarif"));
    await expectRefused(["--sarif", "jenga.sarif"], "jenga.sarif");
  });

  it("refuses a --json path under a linked folder", async () => {
    await symlink(outside, path.join(state.project.dir, "out"));
    await expectRefused(["--json", "out/jenga.json"], "out");
  });

  it("still writes a report where there is no link", async () => {
    const result = await run([
      "analyze",
      "--quiet",
      "--no-git",
      "--no-usage",
      "--sarif",
      "s.sarif",
    ]);
    expect(result.code).toBe(0);
    expect(await readdir(path.join(state.project.dir, "reports"))).toContain("index.html");
  });
});
