import { describe, expect, it } from "vitest";
import { scopeToPackage } from "../../src/collectors/issues/scope-to-package.js";
import type { IssuesEvidence } from "../../src/collectors/issues/types.js";

const issue = (number: number, labels: string[]) => ({
  number,
  createdAt: "2026-01-01T00:00:00Z",
  closedAt: null,
  bug: false,
  labels,
});

const monorepo: IssuesEvidence = {
  repository: "https://github.com/babel/babel",
  archived: false,
  hasIssues: true,
  windowStart: "2024-06-01T00:00:00Z",
  coveredSince: "2024-06-01T00:00:00Z",
  issues: [
    issue(1, ["pkg: babel-core", "bug"]),
    issue(2, ["pkg: parser"]),
    issue(3, ["area/babel-core"]),
    issue(4, ["core-js"]),
    issue(5, []),
  ],
  pulls: [],
  open: { count: 5, bugs: 1, createdAt: [], complete: true },
  securityPolicy: null,
  fundingFile: null,
  readmeNotices: [],
  requests: 3,
};

describe("scopeToPackage", () => {
  it("keeps the issues labelled with the package's folder, name or unscoped name", () => {
    const scoped = scopeToPackage(monorepo, "@babel/core", "packages/babel-core");
    expect(scoped.issues.map((i) => i.number)).toEqual([1, 3]);
    expect(scoped.scope).toBe("label pkg: babel-core");
  });

  it("falls back to the whole repository, and says so, when no label names the package", () => {
    const scoped = scopeToPackage(monorepo, "@babel/helper-x", "packages/babel-helper-x");
    expect(scoped.issues).toHaveLength(5);
    expect(scoped.scope).toBe("repository");
  });

  it("leaves a single-package repository alone", () => {
    expect(scopeToPackage(monorepo, "babel", null)).toBe(monorepo);
  });

  it("does not match a token inside another word", () => {
    // "core" is a token of @babel/core, but "core-js" is another package's label.
    const scoped = scopeToPackage(monorepo, "@babel/core", "packages/core");
    expect(scoped.issues.map((i) => i.number)).not.toContain(4);
  });
});
