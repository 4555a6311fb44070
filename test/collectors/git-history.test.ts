import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskCache } from "../../src/cache/disk-cache.js";
import { createGitCollector } from "../../src/collectors/git/collect-git.js";
import type { GitEvidence } from "../../src/collectors/git/types.js";
import { defaultPolicy } from "../../src/scoring/policy.js";
import { computeSignals } from "../../src/signals/compute-signals.js";
import { inventoryPackage, now } from "../helpers/evidence.js";
import { widgetHistory } from "./git-widget-fixture.js";
import { type GitSandbox, gitSandbox } from "./helpers/git-repo.js";

let sandbox: GitSandbox;
let evidence: GitEvidence;

beforeAll(async () => {
  sandbox = await gitSandbox();
  const url = await sandbox.repo("acme/widget", widgetHistory);
  const collector = createGitCollector({
    cache: createDiskCache({ dir: sandbox.cacheDir, mode: "normal", now: () => now }),
    now: () => now,
    env: sandbox.env,
    concurrency: 2,
    offline: false,
  });
  const result = await collector.collect({ url, directory: null });
  expect(result.status).toBe("ok");
  evidence = result.data as GitEvidence;
});
afterAll(() => sandbox.cleanup());

describe("git history of a small library, cloned through an insteadOf rule", () => {
  it("joins identities through .mailmap and marks bots", () => {
    expect(evidence.authors).toEqual([
      {
        name: "dependabot[bot]",
        email: "49699333+dependabot[bot]@users.noreply.github.com",
        bot: true,
      },
      { name: "Alice Liddell", email: "alice@example.com", bot: false },
      { name: "Bob Builder", email: "bob@example.com", bot: false },
    ]);
    expect(evidence.commitTimes).toHaveLength(10);
    expect(evidence.commitAuthors).toEqual([0, 1, 2, 1, 0, 1, 2, 2, 1, 1]);
  });

  it("keeps the security fixes: a CVE in a body and a security word in a subject, not docs", () => {
    expect(evidence.securityFixTimes).toEqual([
      Date.parse("2024-08-01T12:00:00Z") / 1000,
      Date.parse("2023-03-01T12:00:00Z") / 1000,
    ]);
  });

  it("reads the files at HEAD, following the rename, and the tags with their dates", () => {
    expect(evidence.fileCount).toBe(6);
    expect(evidence.sourceFiles).toBe(4);
    expect(evidence.sourceBytes).toBe(8);
    // package.json has only a bot's commits: it has no human authorship.
    expect(evidence.files).toHaveLength(5);
    expect(evidence.files).toContainEqual({ creator: 1, changes: [1, 2] }); // lib/c.js: added, then moved
    expect(evidence.files).toContainEqual({ creator: 1, changes: [1, 4] }); // a.js
    expect(evidence.files).toContainEqual({ creator: 1, changes: [2, 1, 1, 1] }); // b.js
    expect(evidence.tags).toEqual([
      { name: "v2.0.0", time: Date.parse("2025-10-02T12:00:00Z") / 1000 },
      { name: "v1.0.0", time: Date.parse("2024-02-01T12:00:00Z") / 1000 },
    ]);
  });

  it("computes every git signal exactly", () => {
    const statuses = { registry: "ok", git: "ok", advisories: "-", issues: "-", usage: "-" };
    const s = computeSignals(inventoryPackage(), { git: evidence }, statuses, now, defaultPolicy);
    expect(s.monthsSinceLastHumanCommit?.value).toBe(4);
    expect(s.monthsSinceLastHumanCommit?.detail).toEqual({ fileCount: 6 });
    expect(s.commitsLast12Months?.value).toBe(4);
    expect(s.commitsLast12Months?.detail).toEqual({ previous12Months: 1 });
    expect(s.commitTrend?.value).toBe(4);
    expect(s.activeMaintainers?.value).toBe(1);
    expect(s.truckFactor?.value).toBe(1);
    expect(s.topAuthorShare?.value).toBe(0.6);
    expect(s.tagsPerYear?.value).toBe(0.7);
    expect(s.monthsSinceLastTag?.value).toBe(7);
    expect(s.securityFixCommits?.value).toBe(2);
    expect(s.sourceFiles?.value).toBe(4); // a.js, b.js, d.js, lib/c.js
    // The sandbox's remotes are plain paths: git ignores --filter and copies the contents.
    expect(s.codeBytes?.value).toBe(8);
    const months = s.commitsPerMonth?.value as { month: string; count: number; authors: number }[];
    expect(months).toHaveLength(42); // 2023-01 to 2026-06
    expect(months.filter((m) => m.count > 0)).toEqual(
      ["2023-01", "2023-03", "2024-02", "2024-08", "2025-07", "2025-09", "2025-10", "2026-01"].map(
        (month) => ({ month, count: 1, authors: 1 }),
      ),
    );
    // Dependabot's month is empty, not missing.
    expect(months.find((m) => m.month === "2025-08")).toEqual({
      month: "2025-08",
      count: 0,
      authors: 0,
    });
    expect(s.releases?.value).toEqual([
      { month: "2024-02", count: 1 },
      { month: "2025-10", count: 1 },
    ]);
  });
});
