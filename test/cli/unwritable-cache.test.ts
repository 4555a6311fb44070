import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runJenga } from "../helpers/cli.js";
import { useSmallApp } from "./small-app.js";

const { state } = useSmallApp();

describe("an unwritable cache folder", () => {
  it("costs the cache, never the run: one note says so", async () => {
    const blocked = path.join(state.project.home, "not-a-folder");
    await writeFile(blocked, "a file where the cache folder should be");
    const result = await runJenga(
      ["analyze", "--quiet", "--json", "-", "--cache", blocked, "--no-git", "--no-advisories"],
      { cwd: state.project.dir, home: state.project.home },
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.packages).toHaveLength(4);
    expect(
      json.packages.find((p: { name: string }) => p.name === "left-pad").sources.registry,
    ).toBe("ok");
    expect(json.notes.filter((n: string) => n.startsWith("The cache folder"))).toEqual([
      expect.stringMatching(
        /could not be written \(ENOTDIR; \d+ entr(y|ies) lost\): this run went uncached/,
      ),
    ]);
  });
});
