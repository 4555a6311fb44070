import { access } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { projectCopy, runJengaBinary } from "../helpers/cli.js";
import { type RegistryServer, startRegistryServer } from "../helpers/registry-server.js";
import { smallAppPackuments } from "./small-app.js";

// The other CLI tests run the commands in-process (runJenga); these few spawn the built
// binary to check what only a real process shows: main.ts wiring argv, the real streams
// and the exit code, and the lazy imports resolving in the compiled output.
let server: RegistryServer;
let project: Awaited<ReturnType<typeof projectCopy>>;
beforeEach(async () => {
  server = await startRegistryServer(smallAppPackuments);
  project = await projectCopy("cli/small-app", server.url);
});
afterEach(async () => {
  await server.close();
  await project.cleanup();
});

const run = (args: string[]) => runJengaBinary(args, { cwd: project.dir, home: project.home });
const cacheArgs = () => ["--cache", path.join(project.home, "cache")];

describe("end to end: the built binary, spawned", () => {
  it("exits 0 for --version and --help, 2 for an unknown flag", async () => {
    const version = await run(["--version"]);
    expect(version).toMatchObject({ code: 0, stderr: "" });
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("gate [options] [path...]");
    const unknown = await run(["--frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--frobnicate'");
  });

  it("analyze: exit 0, the JSON result on stdout, the summary on stderr, the report written", async () => {
    const result = await run(["analyze", "--json", "-", ...cacheArgs()]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "jenga: 4 packages: keep 2 · fix 0 · adopt 0 · rewrite 0 · sunset 1 · unknown 1",
    );
    const json = JSON.parse(result.stdout);
    expect(json.packages.map((p: { name: string }) => p.name)).toEqual([
      "debug",
      "is-number",
      "left-pad",
      "ms",
    ]);
    await access(path.join(project.dir, "reports", "index.html"));
  });

  it("gate: exit 1 and the table of what failed on stdout", async () => {
    const result = await run(["gate", "--quiet", ...cacheArgs()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^jenga gate: 1 package failed\n/);
    expect(result.stdout).toMatch(/\nleft-pad\s+sunset/);
  });
});
