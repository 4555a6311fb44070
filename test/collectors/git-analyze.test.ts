import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import type { PackumentFetcher } from "../../src/collectors/registry/collect-registry.js";
import { now, registryEvidence, steadyHistory } from "../helpers/evidence.js";
import { widgetHistory } from "./git-widget-fixture.js";
import { type GitSandbox, gitSandbox } from "./helpers/git-repo.js";

let sandbox: GitSandbox;
let project: string;

const repositories: Record<string, { url: string; directory: string | null } | null> = {
  widget: { url: "git+https://example.test/acme/widget.git", directory: null },
  "widget-copy": { url: "https://example.test/acme/widget", directory: null },
  "no-repo": null,
};

const fetcher: PackumentFetcher = {
  async fetchPackument(name) {
    const repository = repositories[name] ?? null;
    const evidence = registryEvidence(steadyHistory("2024-01-01", 9), { name, repository });
    return { ok: true, evidence, etag: null };
  },
};

beforeAll(async () => {
  sandbox = await gitSandbox();
  await sandbox.repo("acme/widget", widgetHistory);
  project = path.join(sandbox.root, "project");
  await mkdir(project);
  const dependencies = Object.fromEntries(Object.keys(repositories).map((n) => [n, "1.0.0"]));
  await writeFile(
    path.join(project, "package.json"),
    JSON.stringify({ name: "app", dependencies }),
  );
});
afterAll(() => sandbox.cleanup());

function run(extra: { git?: boolean } = {}) {
  return analyze({
    paths: [project],
    cwd: project,
    env: sandbox.env,
    home: sandbox.root,
    cacheDir: sandbox.cacheDir,
    fetcher,
    now: () => now,
    toolVersion: "0.0.0-test",
    ...extra,
  });
}

describe("analyze with git history", () => {
  it("collects git for packages that name a repository, and says why for the others", async () => {
    const result = await run();
    const byName = Object.fromEntries(result.packages.map((p) => [p.name, p]));
    expect(byName.widget?.sources.git).toBe("ok");
    expect(byName["widget-copy"]?.sources.git).toBe("ok");
    expect(byName["no-repo"]?.sources.git).toBe("skipped: no usable repository URL");
    expect(byName.widget?.signals.truckFactor?.value).toBe(1);
    expect(byName.widget?.signals.monthsSinceLastHumanCommit?.value).toBe(4);
    expect(byName.widget?.confidence).toBe(0.55);
    expect(result.sources.git).toEqual({
      ok: 2,
      missing: { "skipped: no usable repository URL": 1 },
    });
  });

  it("--no-git skips the source for every package", async () => {
    const result = await run({ git: false });
    expect(new Set(result.packages.map((p) => p.sources.git))).toEqual(
      new Set(["skipped: --no-git"]),
    );
    // A signal unknown for want of its source is left out of the result: `sources` says why.
    expect(result.packages[0]?.signals.truckFactor).toBeUndefined();
  });
});
