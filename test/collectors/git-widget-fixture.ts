import type { CommitSpec } from "./helpers/git-repo.js";

/**
 * One small library's history, hand-checked against `now` (2026-06-01) in
 * git-history.test.ts: two people (one of them under two emails, joined by
 * .mailmap), Dependabot, a security fix named in a subject and one named only
 * by its CVE in a body, a docs commit that says "security", a rename, a
 * lightweight and an annotated tag.
 */
const alice = "Alice Liddell <alice@example.com>";
const aliceOld = "alice <alice@old.example>";
const bob = "Bob Builder <bob@example.com>";
const dependabot = "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>";

export const widgetHistory: CommitSpec[] = [
  {
    author: alice,
    date: "2023-01-10T12:00:00Z",
    message: "initial commit",
    files: {
      ".mailmap": "Alice Liddell <alice@example.com> <alice@old.example>\n",
      "a.js": "a1",
      "b.js": "b1",
      "c.js": "c1",
    },
  },
  {
    author: aliceOld,
    date: "2023-03-01T12:00:00Z",
    message: "fix: escape untrusted HTML (XSS)",
    files: { "a.js": "a2" },
  },
  {
    author: bob,
    date: "2024-02-01T12:00:00Z",
    message: "feat: d",
    files: { "d.js": "d1" },
    tag: "v1.0.0",
  },
  {
    author: bob,
    date: "2024-08-01T12:00:00Z",
    message: "fix: handle null\n\nThis fixes CVE-2024-12345 reported by a user.\nSecond line.",
    files: { "d.js": "d2" },
  },
  {
    author: alice,
    date: "2025-07-01T12:00:00Z",
    message: "refactor: move c",
    renames: [["c.js", "lib/c.js"]],
  },
  {
    author: dependabot,
    date: "2025-08-01T12:00:00Z",
    message: "chore(deps): bump lodash from 4.17.20 to 4.17.21",
    files: { "package.json": "{}" },
  },
  {
    author: alice,
    date: "2025-09-01T12:00:00Z",
    message: "docs: describe the security policy",
    files: { "a.js": "a3" },
  },
  {
    author: bob,
    date: "2025-10-01T12:00:00Z",
    message: "feat: b2",
    files: { "b.js": "b2" },
    tag: { name: "v2.0.0", date: "2025-10-02T12:00:00Z" },
  },
  {
    author: alice,
    date: "2026-01-15T12:00:00Z",
    message: "perf: faster",
    files: { "a.js": "a4" },
  },
  {
    author: dependabot,
    date: "2026-03-01T12:00:00Z",
    message: "Bump lodash from 4.17.21 to 4.17.22",
    files: { "package.json": '{"x":1}' },
  },
];
