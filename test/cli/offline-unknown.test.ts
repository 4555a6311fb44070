import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { projectCopy, runJenga } from "../helpers/cli.js";

// Offline with an empty cache nothing is known about any package: every verdict must say so.
let project: Awaited<ReturnType<typeof projectCopy>>;
beforeEach(async () => {
  project = await projectCopy("cli/small-app", "http://127.0.0.1:9");
});
afterEach(async () => {
  await project.cleanup();
});

const run = (args: string[]) =>
  runJenga([...args, "--offline", "--quiet", "--cache", path.join(project.home, "cache")], {
    cwd: project.dir,
    home: project.home,
  });

interface Pkg {
  name: string;
  verdict: string;
  health: number | null;
}

describe("offline with an empty cache", () => {
  it("calls every package unknown on a lockfile alone, and the default gate fails closed", async () => {
    const analyzed = await run(["analyze", "--json", "-", "package-lock.json"]);
    expect(analyzed.code).toBe(0);
    const result = JSON.parse(analyzed.stdout);
    expect(result.packages.map((p: Pkg) => [p.name, p.verdict, p.health])).toEqual([
      ["debug", "unknown", null],
      ["is-number", "unknown", null],
      ["left-pad", "unknown", null],
      ["ms", "unknown", null],
    ]);
    expect(result.summary).toMatchObject({ keep: 0, unknown: 4 });
    expect(result.packages[0].reasons[0].text).toMatch(
      /^not enough evidence to decide: no git history/,
    );

    const gate = await run(["gate", "package-lock.json"]);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain(
      "not checked: advisories (gate.failOnSeverity high) for 4 of 4 packages: offline: not in cache (4)",
    );
  });

  it("still sunsets a declared but unused dependency: usage is read locally", async () => {
    await mkdir(path.join(project.dir, "src"));
    await writeFile(
      path.join(project.dir, "src", "index.js"),
      'import debug from "debug";\ndebug("x");\n',
    );
    const pkg = { name: "small-app", version: "1.0.0", private: true, main: "src/index.js" };
    await writeFile(
      path.join(project.dir, "package.json"),
      JSON.stringify({
        ...pkg,
        dependencies: { debug: "^4.3.4", "left-pad": "^1.3.0" },
        devDependencies: { "is-number": "^7.0.0" },
      }),
    );
    const result = JSON.parse((await run(["analyze", "--json", "-"])).stdout);
    const byName = Object.fromEntries(result.packages.map((p: Pkg) => [p.name, p]));
    expect(byName["left-pad"]).toMatchObject({ verdict: "sunset", health: null });
    expect(byName.debug).toMatchObject({ verdict: "unknown", health: null });
  });

  it("lets the policy accept running without advisories", async () => {
    await writeFile(
      path.join(project.dir, "jenga.config.json"),
      JSON.stringify({ gate: { allowMissing: ["advisories"] } }),
    );
    expect((await run(["gate", "package-lock.json"])).code).toBe(0);
    await writeFile(
      path.join(project.dir, "jenga.config.json"),
      JSON.stringify({ gate: { allowMissing: ["advisories"], failOn: ["sunset", "unknown"] } }),
    );
    const strict = await run(["gate", "package-lock.json"]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^jenga gate: 4 packages failed\n/);
    expect(strict.stdout).toContain("verdict unknown is in gate.failOn");
  });
});
