import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze.js";
import type { GitRunner } from "../../src/collectors/git/collect-git.js";
import type { PackumentFetcher } from "../../src/collectors/registry/collect-registry.js";
import { now, registryEvidence, steadyHistory } from "../helpers/evidence.js";

// Issue 15 item 17: clone URLs from package metadata lost their port (`git://host:9418/x`
// became `https://host/x`), and any host was contacted, including link-local and
// private addresses such as a cloud's metadata service at 169.254.169.254.
const repositories: Record<string, string> = {
  daemon: "git://git.example.test:9418/acme/daemon.git",
  "ssh-port": "git+ssh://git@git.example.test:2222/acme/tool.git",
  "https-port": "https://git.example.test:8443/acme/web.git",
  plain: "git+https://git.example.test/acme/plain.git",
  "cloud-metadata": "https://169.254.169.254/latest/meta-data",
  loopback: "git+https://127.0.0.1/acme/x.git",
  "loopback-decimal": "https://2130706433/acme/x",
  "local-name": "https://gitlab.localhost/acme/x",
  "private-ssh": "git@192.168.1.20:acme/x.git",
  mirror: "https://10.1.2.3/acme/mirror",
};

const fetcher: PackumentFetcher = {
  async fetchPackument(name) {
    const repository = { url: repositories[name] ?? "", directory: null };
    const evidence = registryEvidence(steadyHistory("2024-01-01", 9), { name, repository });
    return { ok: true, evidence, etag: null };
  },
};

/** Records what would be cloned, and clones nothing. */
function recordingRunner(): { runner: GitRunner; cloned: string[] } {
  const cloned: string[] = [];
  const runner: GitRunner = {
    async cloneOrFetch(url) {
      cloned.push(url);
      return { ok: false, status: "unavailable: not cloned in this test" };
    },
    readHistory() {
      throw new Error("never read: nothing is cloned");
    },
  };
  return { runner, cloned };
}

let root: string;
let project: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "jenga-hosts-"));
  project = path.join(root, "project");
  await mkdir(project);
  const dependencies = Object.fromEntries(Object.keys(repositories).map((n) => [n, "1.0.0"]));
  await writeFile(
    path.join(project, "package.json"),
    JSON.stringify({ name: "app", dependencies }),
  );
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function run(config: object | null, gitConfig?: string) {
  const configFile = path.join(root, `config-${Math.random().toString(36).slice(2)}.json`);
  if (config) await writeFile(configFile, JSON.stringify(config));
  const { runner, cloned } = recordingRunner();
  const result = await analyze({
    paths: [project],
    cwd: project,
    env: {
      PATH: process.env.PATH ?? "",
      GIT_CONFIG_NOSYSTEM: "1",
      ...(gitConfig ? { GIT_CONFIG_GLOBAL: gitConfig } : {}),
    },
    home: root,
    cacheDir: path.join(root, "cache"),
    fetcher,
    gitRunner: runner,
    usage: false,
    advisories: false,
    now: () => now,
    toolVersion: "0.0.0-test",
    ...(config ? { configFile } : {}),
  });
  const git = Object.fromEntries(result.packages.map((p) => [p.name, p.sources.git]));
  return { git, cloned: cloned.sort() };
}

describe("repository URLs from package metadata", () => {
  it("keep their transport and port, and private addresses are never contacted", async () => {
    const { git, cloned } = await run(null);
    expect(cloned).toEqual([
      "git://git.example.test:9418/acme/daemon.git",
      "https://git.example.test/acme/plain",
      "https://git.example.test:8443/acme/web.git",
      "ssh://git@git.example.test:2222/acme/tool.git",
    ]);
    expect(git).toMatchObject({
      "cloud-metadata": "skipped: private address 169.254.169.254 (see git.allowHosts)",
      loopback: "skipped: private address 127.0.0.1 (see git.allowHosts)",
      "loopback-decimal": "skipped: private address 127.0.0.1 (see git.allowHosts)",
      "local-name": "skipped: private address gitlab.localhost (see git.allowHosts)",
      "private-ssh": "skipped: private address 192.168.1.20 (see git.allowHosts)",
      mirror: "skipped: private address 10.1.2.3 (see git.allowHosts)",
    });
  });

  it("on a private host the config names are cloned", async () => {
    const { git, cloned } = await run({ git: { allowHosts: ["10.1.2.3"] } });
    expect(cloned).toContain("https://10.1.2.3/acme/mirror");
    expect(git.mirror).toBe("unavailable: not cloned in this test");
    expect(git["cloud-metadata"]).toMatch(/^skipped: private address/);
  });
});

describe("a private host the user's git config rewrites", () => {
  it("is cloned: git goes where the user's insteadOf says, not to the address in the metadata", async () => {
    const gitConfig = path.join(root, "gitconfig");
    await writeFile(
      gitConfig,
      '[url "https://mirror.example.test/"]\n\tinsteadOf = https://10.1.2.3/\n',
    );
    const { git, cloned } = await run(null, gitConfig);
    expect(cloned).toContain("https://10.1.2.3/acme/mirror");
    expect(git.mirror).toBe("unavailable: not cloned in this test");
    // Only what the rule rewrites: the other private addresses stay refused.
    expect(git["cloud-metadata"]).toMatch(/^skipped: private address/);
    expect(git["private-ssh"]).toMatch(/^skipped: private address/);
  });
});
