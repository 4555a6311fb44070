import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * Real throwaway git repositories with dated commits by several authors, and a
 * test-scoped git config that maps `https://example.test/` to them, so the
 * collector clones them exactly as it would clone a public URL.
 */

export interface CommitSpec {
  /** `Name <email>` */
  author: string;
  date: string;
  message: string;
  /** File contents to write; null deletes the file. */
  files?: Record<string, string | null>;
  renames?: [from: string, to: string][];
  /** A lightweight tag, or an annotated one with its own date. */
  tag?: string | { name: string; date: string };
}

export interface GitSandbox {
  root: string;
  /** Environment for jenga's git: only the sandbox's global config, no system config. */
  env: Record<string, string>;
  /** Creates `<root>/remotes/<owner>/<name>` from the commits; returns its https://example.test URL. */
  repo(slug: string, commits: CommitSpec[]): Promise<string>;
  /** Adds commits to an existing repository. */
  commit(slug: string, commits: CommitSpec[]): Promise<void>;
  cacheDir: string;
  cleanup(): Promise<void>;
}

/**
 * `blobless`: serve the remotes over file:// with filters allowed, so clones are real
 * partial clones without file contents, as from a public host. Otherwise the remotes are
 * plain paths, and git ignores --filter for a local clone: every blob is copied.
 */
export async function gitSandbox(options: { blobless?: boolean } = {}): Promise<GitSandbox> {
  const root = await mkdtemp(path.join(os.tmpdir(), "jenga-git-"));
  const remotes = path.join(root, "remotes");
  const config = path.join(root, "gitconfig");
  await mkdir(remotes, { recursive: true });
  const base = options.blobless ? `file://${remotes}/` : `${remotes}/`;
  const serve = options.blobless ? "[uploadpack]\n\tallowFilter = true\n" : "";
  await writeFile(
    config,
    `[url "${base}"]\n\tinsteadOf = https://example.test/\n[init]\n\tdefaultBranch = main\n${serve}`,
  );
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: root,
    GIT_CONFIG_GLOBAL: config,
    GIT_CONFIG_NOSYSTEM: "1",
  };
  const git = (cwd: string, args: string[], extra: Record<string, string> = {}) => {
    const result = spawnSync("git", args, { cwd, env: { ...env, ...extra }, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
    return result.stdout;
  };
  const apply = async (dir: string, commits: CommitSpec[]) => {
    for (const c of commits) {
      for (const [from, to] of c.renames ?? []) {
        await mkdir(path.dirname(path.join(dir, to)), { recursive: true });
        git(dir, ["mv", from, to]);
      }
      for (const [file, content] of Object.entries(c.files ?? {})) {
        const target = path.join(dir, file);
        if (content === null) git(dir, ["rm", "-q", file]);
        else {
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, content);
          git(dir, ["add", file]);
        }
      }
      const [, name = "", email = ""] = /^(.*) <(.*)>$/.exec(c.author) ?? [];
      const who = {
        GIT_AUTHOR_NAME: name,
        GIT_AUTHOR_EMAIL: email,
        GIT_COMMITTER_NAME: name,
        GIT_COMMITTER_EMAIL: email,
        GIT_AUTHOR_DATE: c.date,
        GIT_COMMITTER_DATE: c.date,
      };
      git(dir, ["commit", "-q", "--allow-empty", "-m", c.message], who);
      if (typeof c.tag === "string") git(dir, ["tag", c.tag], who);
      else if (c.tag)
        git(dir, ["tag", "-a", c.tag.name, "-m", c.tag.name], {
          ...who,
          GIT_COMMITTER_DATE: c.tag.date,
        });
    }
  };
  return {
    root,
    env,
    cacheDir: path.join(root, "cache"),
    async repo(slug, commits) {
      const dir = path.join(remotes, slug);
      await mkdir(dir, { recursive: true });
      git(dir, ["init", "-q"]);
      await apply(dir, commits);
      return `https://example.test/${slug}`;
    },
    commit: (slug, commits) => apply(path.join(remotes, slug), commits),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
