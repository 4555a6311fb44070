import { describe, expect, it } from "vitest";
import { normalizeRepositoryUrl } from "../../src/collectors/repository-url.js";

describe("normalizeRepositoryUrl", () => {
  it.each([
    ["git+https://github.com/user/repo.git", "https://github.com/user/repo"],
    ["git+ssh://git@github.com/user/repo.git", "https://github.com/user/repo"],
    ["git://github.com/user/repo.git", "https://github.com/user/repo"],
    ["github:user/repo", "https://github.com/user/repo"],
    ["user/repo", "https://github.com/user/repo"],
    ["gitlab:group/project", "https://gitlab.com/group/project"],
    ["bitbucket:team/repo", "https://bitbucket.org/team/repo"],
    ["git@github.com:user/repo.git", "https://github.com/user/repo"],
    ["https://git.example.org/team/repo.git", "https://git.example.org/team/repo"],
    ["git@git.example.org:team/repo.git", "https://git.example.org/team/repo"],
    ["ssh://git@git.example.org:2222/team/repo.git", "https://git.example.org/team/repo"],
  ])("%s → %s", (raw, url) => {
    expect(normalizeRepositoryUrl(raw)?.url).toBe(url);
  });

  it("keeps a monorepo directory, from the field or from a /tree/ URL", () => {
    expect(
      normalizeRepositoryUrl("git+https://github.com/babel/babel.git", "packages/babel-core"),
    ).toEqual({
      url: "https://github.com/babel/babel",
      directory: "packages/babel-core",
    });
    expect(
      normalizeRepositoryUrl("https://github.com/babel/babel/tree/main/packages/babel-core"),
    ).toEqual({
      url: "https://github.com/babel/babel",
      directory: "packages/babel-core",
    });
  });

  it.each([
    ["", "empty"],
    ["not a url at all", "spaces"],
    ["file:///etc/passwd", "file URL"],
    ["ext::sh -c touch% /tmp/pwned", "remote helper"],
    ["https://github.com/user/repo\u0000.git", "control character"],
    [`https://github.com/${"a".repeat(2000)}`, "absurd length"],
    ["javascript:alert(1)", "script URL"],
  ])("refuses %s (%s)", (raw) => {
    expect(normalizeRepositoryUrl(raw)).toBeNull();
  });

  it("drops a directory that climbs out of the repository", () => {
    expect(normalizeRepositoryUrl("github:user/repo", "../../etc")?.directory).toBeNull();
  });
});
