import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Advisory, AdvisoryEvidence } from "../../src/collectors/advisories/types.js";
import type { RegistryEvidence, VersionRecord } from "../../src/collectors/registry/types.js";
import { advisoryTimeline } from "../../src/signals/advisories/advisory-timeline.js";
import { timeToFix } from "../../src/signals/advisories/time-to-fix.js";
import type { Computed, EvidenceSet } from "../../src/signals/define-signal.js";
import { monthsSinceLastTag } from "../../src/signals/git/months-since-last-tag.js";
import { topAuthorShare } from "../../src/signals/git/top-author-share.js";
import { fileAuthors } from "../../src/signals/git-history.js";
import { openIssueAgeDays } from "../../src/signals/issues/open-issue-age-days.js";
import { assessPublishTimes } from "../../src/signals/publish-times.js";
import { ageYears } from "../../src/signals/registry/age-years.js";
import { monthsSinceLastPublish } from "../../src/signals/registry/months-since-last-publish.js";
import { inventoryPackage, now, registryEvidence, version } from "../helpers/evidence.js";
import { gitEvidence } from "../helpers/git-evidence.js";
import { widgetIssues } from "../signals/issues-evidence.js";

// Issue 15 item 1: `Math.max(...times)` on a packument with 130,000 versions threw
// "Maximum call stack size exceeded" and aborted the run. 200,000 is past V8's limit
// for spread arguments with any stack size a test runner uses.
const huge = 200_000;
const hour = 3_600_000;
const start = Date.parse("2000-01-01T00:00:00Z");

function hugeRegistry(extra: Partial<RegistryEvidence> = {}): RegistryEvidence {
  const versions: Record<string, VersionRecord> = {};
  for (let i = 0; i < huge; i++)
    versions[`1.0.${i}`] = version(new Date(start + i * hour).toISOString());
  return registryEvidence(versions, extra);
}

function run(signal: { compute(input: never): Computed }, evidence: EvidenceSet): Computed {
  return signal.compute({ evidence, pkg: inventoryPackage(), now } as never);
}

describe("signals on stranger-sized arrays", () => {
  const registry = hugeRegistry();

  it("reads publish times of 200,000 versions", () => {
    expect(assessPublishTimes(registry, now).trusted).toBe(true);
    expect(run(monthsSinceLastPublish, { registry }).value).toBeGreaterThan(0);
    // Without `created`, the age comes from the oldest publish time.
    const noCreated = hugeRegistry({ created: null });
    expect(run(ageYears, { registry: noCreated }).value).toBeCloseTo(26.4, 0);
  });

  it("reads 200,000 tags, authors and file authors", () => {
    const recent = Date.parse("2026-01-01T00:00:00Z") / 1000;
    const tags = Array.from({ length: huge }, (_, i) => ({ name: `v${i}`, time: recent - i }));
    const authors = Array.from({ length: huge }, (_, i) => ({
      name: `a${i}`,
      email: `a${i}@example.com`,
      bot: false,
    }));
    const git = gitEvidence([], {
      authors,
      commitTimes: Array.from({ length: huge }, (_, i) => recent - i),
      commitAuthors: Array.from({ length: huge }, (_, i) => i),
      tags,
    });
    expect(run(monthsSinceLastTag, { git }).value).toBe(4);
    expect(run(topAuthorShare, { git }).value).toBe(0);
    const changes = Array.from({ length: 2 * huge }, (_, i) => (i % 2 === 0 ? i / 2 : 1));
    expect(fileAuthors({ creator: 0, changes })).toBeInstanceOf(Array);
  });

  it("reads 200,000 open issues", () => {
    const createdAt = Array.from({ length: huge }, (_, i) =>
      new Date(start + i * hour).toISOString(),
    );
    const issues = widgetIssues({ open: { count: huge, bugs: 0, createdAt, complete: true } });
    expect(run(openIssueAgeDays, { issues }).detail).toMatchObject({ read: huge });
  });

  it("reads an advisory fixed in 200,000 versions", () => {
    const events = [
      { introduced: "0" },
      ...Object.keys(registry.versions).map((v) => ({ fixed: v })),
    ];
    const advisory: Advisory = {
      id: "GHSA-huge",
      aliases: [],
      summary: null,
      published: "2000-01-01T00:00:00Z",
      modified: null,
      score: null,
      severity: "unknown",
      affected: [{ ranges: [{ type: "SEMVER", events }], versions: [] }],
    };
    const advisories: AdvisoryEvidence = { name: "pkg", source: "osv-api", advisories: [advisory] };
    expect(run(timeToFix, { advisories, registry }).value).toBe(0);
    expect(run(advisoryTimeline, { advisories, registry }).value).not.toBeNull();
  });
});

describe("the lint plugin that keeps spread arguments out of src/", () => {
  it("flags Math.max(...xs) and out.push(...xs) under src/, not array spreads", () => {
    // The project's own config and plugin, copied beside a src/ file written by the test.
    const root = path.resolve(import.meta.dirname, "../..");
    const dir = mkdtempSync(path.join(tmpdir(), "jenga-lint-"));
    cpSync(path.join(root, ".biome.json"), path.join(dir, ".biome.json"));
    cpSync(path.join(root, "lint"), path.join(dir, "lint"), { recursive: true });
    mkdirSync(path.join(dir, "src"));
    writeFileSync(
      path.join(dir, "src/x.ts"),
      "const xs = [1];\nexport const a = Math.max(...xs);\nxs.push(...xs);\nexport const b = [...xs];\n",
    );
    const biome = spawnSync(
      process.execPath,
      [path.join(root, "node_modules/@biomejs/biome/bin/biome"), "lint", "src"],
      { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    rmSync(dir, { recursive: true, force: true });
    const output = biome.stdout + biome.stderr;
    expect(output.match(/Spread into a call's arguments/g)).toHaveLength(2);
    expect(biome.status).not.toBe(0);
  });
});
