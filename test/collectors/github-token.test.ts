import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  findGitHubToken,
  ghHostsFile,
  tokenFromHostsYaml,
} from "../../src/collectors/issues/github-token.js";

let home: string | null = null;
afterEach(async () => {
  if (home) await rm(home, { recursive: true, force: true });
  home = null;
});

/** gh ≤ 2.39 wrote the token on the host. */
const legacyHosts = `github.com:
    oauth_token: gho_legacy0123456789
    user: octocat
    git_protocol: https
`;

/** gh ≥ 2.40 (multi-account) keeps one entry per user, the active one named by \`user\`. */
const multiAccountHosts = `github.com:
    users:
        octocat:
            oauth_token: gho_active0123456789
        other:
            oauth_token: gho_other0123456789
    git_protocol: ssh
    user: octocat
ghe.example.com:
    oauth_token: ghe_notForGitHub
`;

describe("finding a GitHub token", () => {
  it("GITHUB_TOKEN first, then GH_TOKEN", async () => {
    const readText = async () => legacyHosts;
    expect(
      await findGitHubToken({
        env: { GITHUB_TOKEN: " ghp_a ", GH_TOKEN: "ghp_b" },
        home: "/h",
        readText,
      }),
    ).toEqual({ token: "ghp_a", source: "GITHUB_TOKEN" });
    expect(
      await findGitHubToken({ env: { GITHUB_TOKEN: "", GH_TOKEN: "ghp_b" }, home: "/h", readText }),
    ).toEqual({
      token: "ghp_b",
      source: "GH_TOKEN",
    });
  });

  it("reads gh's hosts.yml from GH_CONFIG_DIR, XDG_CONFIG_HOME or ~/.config/gh", async () => {
    home = await mkdtemp(path.join(tmpdir(), "jenga-gh-"));
    await mkdir(path.join(home, ".config", "gh"), { recursive: true });
    await writeFile(path.join(home, ".config", "gh", "hosts.yml"), multiAccountHosts);
    expect(await findGitHubToken({ env: {}, home })).toEqual({
      token: "gho_active0123456789",
      source: "gh config",
    });
    const custom = path.join(home, "custom");
    await mkdir(custom);
    await writeFile(path.join(custom, "hosts.yml"), legacyHosts);
    expect(await findGitHubToken({ env: { GH_CONFIG_DIR: custom }, home })).toEqual({
      token: "gho_legacy0123456789",
      source: "gh config",
    });
    expect(ghHostsFile({ XDG_CONFIG_HOME: "/x" }, "/h")).toBe(path.join("/x", "gh", "hosts.yml"));
    expect(
      await findGitHubToken({ env: { GH_CONFIG_DIR: path.join(home, "none") }, home }),
    ).toBeNull();
  });

  it("finds nothing in a keyring-only, foreign-host or broken hosts.yml", () => {
    expect(
      tokenFromHostsYaml("github.com:\n    user: octocat\n    git_protocol: https\n"),
    ).toBeNull();
    expect(tokenFromHostsYaml("ghe.example.com:\n    oauth_token: x\n")).toBeNull();
    expect(tokenFromHostsYaml("github.com: [unclosed")).toBeNull();
    expect(tokenFromHostsYaml("github.com:\n    oauth_token: 12345\n")).toBeNull();
    expect(tokenFromHostsYaml('github.com:\n    oauth_token: "gho_a\\r\\nX-Evil: 1"\n')).toBeNull();
    expect(tokenFromHostsYaml("- a\n- b\n")).toBeNull();
  });
});
