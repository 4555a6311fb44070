import { describe, expect, it } from "vitest";
import { closesReport } from "../../src/collectors/git/security-commit.js";

describe("commits that close a reported issue", () => {
  it.each([
    ["Fix crash on empty input (fixes #123)", ""],
    ["Parse dates in UTC", "Closes #9"],
    ["resolve timeout", "Resolves: acme/widget#44"],
    ["Fixed GH-7: wrong padding", ""],
  ])("counts %j %j", (subject, body) => {
    expect(closesReport(subject, body)).toBe(true);
  });

  it.each([
    ["Merge pull request #12 from a/b", ""],
    ["docs: see #12", ""],
    ["Fix typo", ""],
    ["prefix #3 is not a closing word", "mentions #5"],
  ])("does not count %j %j", (subject, body) => {
    expect(closesReport(subject, body)).toBe(false);
  });
});
