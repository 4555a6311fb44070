/**
 * Advisories from the configured registry alone: the project's registry
 * answers the bulk advisory endpoint in the public registry's format, the OSV
 * API is unavailable (a stand-in refusing every request, see helpers/cli.ts), and the affected
 * package still gets `fix` and fails `jenga gate` at its default severity.
 */
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bulkFixture } from "../collectors/helpers/bulk-advisory-server.js";
import { projectCopy, runJenga } from "../helpers/cli.js";
import { packument, type RegistryServer, startRegistryServer } from "../helpers/registry-server.js";

/** A month ago: a package released lately is alive, so an advisory on it means `fix`, not `sunset`. */
const lately = new Date(Date.now() - 30 * 86_400_000).toISOString();

const packuments = {
  minimist: packument("minimist", {
    "1.2.5": { time: "2020-03-12T00:00:00.000Z" },
    "1.2.6": { time: "2022-03-21T00:00:00.000Z" },
    "1.2.8": { time: lately },
  }),
  ms: packument("ms", {
    "2.1.2": { time: "2019-06-06T17:31:55.859Z" },
    "2.1.3": { time: "2020-12-08T13:54:35.223Z" },
  }),
};

let server: RegistryServer;
let project: Awaited<ReturnType<typeof projectCopy>>;
beforeEach(async () => {
  // The registry's answer for minimist 1.2.5: GHSA-xvch-5gv4-984h, `>=1.0.0 <1.2.6`, critical.
  const minimist = bulkFixture("minimist").filter(
    (e) => (e as { vulnerable_versions: string }).vulnerable_versions === ">=1.0.0 <1.2.6",
  );
  server = await startRegistryServer(packuments, { bulkAdvisories: { minimist } });
  project = await projectCopy("cli/audited-app", server.url);
});
afterEach(async () => {
  await server.close();
  await project.cleanup();
});

const run = (args: string[]) =>
  runJenga([...args, "--cache", path.join(project.home, "cache")], {
    cwd: project.dir,
    home: project.home,
  });

describe("advisories from the registry's bulk endpoint", () => {
  it("gives the affected package `fix` and fails the gate, with OSV unreachable", async () => {
    const analyzed = await run(["analyze", "--quiet", "--no-git", "--json", "-"]);
    expect(analyzed.code).toBe(0);
    expect(server.bulkRequests.map((r) => r.body)).toEqual([
      { minimist: ["1.2.5"], ms: ["2.1.3"] },
    ]);
    const json = JSON.parse(analyzed.stdout);
    const byName = Object.fromEntries(json.packages.map((p: { name: string }) => [p.name, p]));
    expect(byName.minimist).toMatchObject({ verdict: "fix", sources: { advisories: "ok" } });
    expect(byName.ms.sources.advisories).toBe("ok");
    expect(byName.minimist.signals.advisoriesTotal.note).toBe(
      "from registry-bulk (only advisories affecting the installed versions)",
    );
    expect(byName.minimist.signals.timeToFix).toMatchObject({
      value: null,
      note: "only the registry's bulk advisories answered, and they carry no publication dates",
    });

    const gate = await run(["gate", "--quiet", "--no-git"]);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain("open advisories at or above high: GHSA-xvch-5gv4-984h");
  });
});
