import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import { createGitCollector, type GitContext } from "../../src/collectors/git/collect-git.js";
import type { GitEvidence } from "../../src/collectors/git/types.js";
import { formatMessage } from "../../src/scoring/messages.js";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { scorePackage } from "../../src/scoring/score-package.js";
import { computeSignals } from "../../src/signals/compute-signals.js";
import { inventoryPackage, now } from "../helpers/evidence.js";
import { type CommitSpec, type GitSandbox, gitSandbox } from "./helpers/git-repo.js";

/**
 * With the GitHub API out of reach, the README's notice still reaches the verdict: the
 * clone step fetches the README with the source files, and history reading finds it.
 */
let sandbox: GitSandbox;
let retired: string;
let mono: string;

const ana = "Ana <ana@example.com>";
const retiredHistory: CommitSpec[] = [
  {
    author: ana,
    date: "2025-01-01T00:00:00Z",
    message: "retire",
    files: {
      "index.js": "module.exports = 1;\n",
      "README.md":
        "# retired\n\n> [!WARNING]\n> This project is no longer maintained. Use `newlib` instead.\n\n```js\nrequire('retired')\n```\n",
    },
  },
];
const monoHistory: CommitSpec[] = [
  {
    author: ana,
    date: "2025-01-01T00:00:00Z",
    message: "mono",
    files: {
      "README.md": "# the monorepo\n\nThis repository is now archived.\n",
      "packages/kept/index.js": "x\n",
      "packages/kept/readme.markdown": "kept\n====\n\nA small helper.\n",
      "packages/bare/index.js": "y\n",
    },
  },
];

beforeAll(async () => {
  sandbox = await gitSandbox({ blobless: true });
  retired = await sandbox.repo("acme/retired", retiredHistory);
  mono = await sandbox.repo("acme/mono", monoHistory);
});
afterAll(() => sandbox.cleanup());

function context(): GitContext {
  const dir = path.join(sandbox.root, `cache-${readdirSync(sandbox.root).length}`);
  return {
    cache: createDiskCache({ dir, mode: "normal", now: () => now }),
    now: () => now,
    env: sandbox.env,
    concurrency: 2,
    offline: false,
  };
}

async function collect(url: string, directory: string | null): Promise<GitEvidence> {
  const result = await createGitCollector(context()).collect({ url, directory });
  expect(result.status).toBe("ok");
  return result.data as GitEvidence;
}

const statuses = {
  registry: "ok",
  git: "ok",
  advisories: "unavailable: offline",
  issues: "unavailable: ENOTFOUND",
  usage: "skipped",
};

describe("README notices read from the clone", () => {
  it("finds the notice in a blobless clone and it decides the verdict, saying where it was read", async () => {
    const git = await collect(retired, null);
    expect(git.readme).toEqual({
      path: "README.md",
      notices: [
        {
          kind: "unmaintained",
          where: "paragraph",
          text: "WARNING This project is no longer maintained. Use newlib instead.",
        },
      ],
    });
    const signals = computeSignals(inventoryPackage(), { git }, statuses, now, defaultPolicy);
    expect(signals.maintenanceNotice).toMatchObject({
      value: "unmaintained",
      detail: { from: "README.md in the clone at HEAD" },
    });
    const score = scorePackage(signals, statuses, defaultPolicy);
    expect(score.verdict).toBe("sunset");
    expect(score.findings.map((f) => formatMessage(f.code, f.args))).toContain(
      'its README says it is unmaintained: "WARNING This project is no longer maintained. Use newlib instead." (read from README.md in the clone at HEAD)',
    );
  });

  it("reads a monorepo package's own README first, else the repository's", async () => {
    const kept = await collect(mono, "packages/kept");
    expect(kept.readme).toEqual({ path: "packages/kept/readme.markdown", notices: [] });
    const bare = await collect(mono, "packages/bare");
    expect(bare.readme?.path).toBe("README.md");
    expect(bare.readme?.notices.map((n) => n.kind)).toEqual(["archived"]);
  });
});
