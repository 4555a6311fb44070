import path from "node:path";
import { findMarkdownNotices } from "../shared/markdown-notices.js";
import { FolderHistories } from "./folder-histories.js";
import { headReadme, type LocalGit, listHead, measureBlobs, readBlobText } from "./git-blobs.js";
import { streamGit } from "./git-process.js";
import { HistoryBuilder, historyFormat, historyFormatWithParents } from "./history-builder.js";
import { mergeFolderSameness } from "./merge-folders.js";
import { isSourceFile } from "./source-files.js";
import type { GitEvidence } from "./types.js";

export interface HistoryOptions {
  env: Record<string, string | undefined>;
  /** For each git process; a process still running then is killed. */
  timeoutMs: number;
}

/** Where the clone step leaves the repository's .mailmap, read from HEAD while online. */
export const mailmapFileName = "jenga-mailmap";

/**
 * Reads a local (bare, possibly blobless) clone into GitEvidence in streamed
 * passes over HEAD: commits with their changed files (mailmap-aware authors,
 * exact renames only), the files at HEAD, the tags, and the size and lines
 * of HEAD's source files when the clone holds their contents (the clone step
 * fetches them). Never `--numstat` nor `ls-tree -l`: they need every blob of
 * history, which a blobless clone would fetch; nothing here may reach the network.
 */
export async function readGitHistory(
  gitDir: string,
  target: { url: string; directory: string | null },
  options: HistoryOptions,
): Promise<GitEvidence> {
  const read = await readGitHistories(gitDir, target.url, [target.directory], options);
  return read.get(target.directory) ?? emptyEvidence(target.url, target.directory, null);
}

/**
 * Several package folders of one repository (a monorepo's packages) in one
 * history pass over the whole repository, split per folder as `git log --
 * <folder>` would print it (folder-histories.ts); the files at HEAD, the
 * source sizes and the README per folder; the tags once. One folder alone is
 * read with a pathspec, which is cheaper than the whole history.
 */
export async function readGitHistories(
  gitDir: string,
  url: string,
  directories: readonly (string | null)[],
  options: HistoryOptions,
): Promise<Map<string | null, GitEvidence>> {
  const local = { gitDir, env: options.env, timeoutMs: options.timeoutMs };
  const folders = [...new Set(directories)];
  let head: string | null = null;
  await streamGit(["rev-parse", "--verify", "-q", "HEAD"], {
    ...local,
    onLine: (line) => {
      head = line.trim() || null;
    },
  }).catch(() => undefined);
  const result = new Map<string | null, GitEvidence>();
  if (head === null) {
    for (const folder of folders) result.set(folder, emptyEvidence(url, folder, null));
    return result;
  }
  const builders = await readLog(local, head, folders);
  const tags = await readTags(local);
  for (const folder of folders) {
    const builder = builders.get(folder) ?? new HistoryBuilder();
    result.set(folder, await finishEvidence(local, url, folder, head, builder, tags));
  }
  return result;
}

/** The history pass: with a pathspec for one folder, else over everything, split per folder. */
async function readLog(
  local: LocalGit,
  head: string,
  folders: readonly (string | null)[],
): Promise<Map<string | null, HistoryBuilder>> {
  const single = folders.length === 1 ? folders[0] : undefined;
  // The clone step copied .mailmap out of HEAD; reading the blob here could trigger a lazy fetch.
  const mailmap = ["mailmap.blob=", `mailmap.file=${path.join(local.gitDir, mailmapFileName)}`];
  const log = (format: string, pathspec: string[], onLine: (line: string) => void) =>
    streamGit(
      [
        "log",
        "--use-mailmap",
        "--no-show-signature",
        "--no-ext-diff",
        "--no-textconv",
        "--name-status",
        "-M100%",
        `--format=${format}`,
        "HEAD",
        ...pathspec,
      ],
      { ...local, config: mailmap, onLine },
    );
  if (single !== undefined) {
    const history = new HistoryBuilder();
    await log(historyFormat, single ? ["--", single] : [], (l) => history.line(l));
    return new Map([[single, history]]);
  }
  const named = folders.filter((f): f is string => f !== null);
  const sameAsParent = await mergeFolderSameness(local, named);
  const split = new FolderHistories(folders, head, sameAsParent);
  await log(historyFormatWithParents, [], (l) => split.line(l));
  return split.finish();
}

async function readTags(local: LocalGit): Promise<GitEvidence["tags"]> {
  const tags: GitEvidence["tags"] = [];
  await streamGit(
    ["for-each-ref", "refs/tags", "--format=%(creatordate:unix)%09%(refname:strip=2)"],
    {
      ...local,
      onLine: (line) => {
        const tab = line.indexOf("\t");
        const time = Number(line.slice(0, tab));
        if (tab > 0 && Number.isFinite(time)) tags.push({ name: line.slice(tab + 1), time });
      },
    },
  );
  return tags.sort((a, b) => b.time - a.time);
}

/** One folder's evidence from its history: the files at HEAD, their sizes and lines, the README. */
async function finishEvidence(
  local: LocalGit,
  url: string,
  directory: string | null,
  head: string,
  history: HistoryBuilder,
  tags: GitEvidence["tags"],
): Promise<GitEvidence> {
  const atHead = new Set<string>();
  const sourceBlobs: string[] = [];
  await listHead(local, directory, (entry) => {
    atHead.add(entry.path);
    if (entry.type === "blob" && entry.oid && isSourceFile(entry.path)) sourceBlobs.push(entry.oid);
  });
  // Contents are read only when the clone holds all of them (the clone step fetched them).
  const measured = await measureBlobs(local, sourceBlobs);
  const readme = await readReadme(local, directory);
  return {
    ...emptyEvidence(url, directory, head),
    authors: history.authors,
    commitTimes: history.commitTimes,
    commitAuthors: history.commitAuthors,
    securityFixTimes: history.securityFixTimes,
    reportFixTimes: history.reportFixTimes,
    files: history.filesAt(atHead),
    fileCount: atHead.size,
    // Each folder gets its own copy: evidence is cached and changed per package.
    tags: tags.map((t) => ({ ...t })),
    sourceFiles: sourceBlobs.length,
    sourceBytes: measured?.bytes ?? null,
    sourceLines: measured?.lines ?? null,
    readme,
  };
}

function emptyEvidence(url: string, directory: string | null, head: string | null): GitEvidence {
  return {
    url,
    directory,
    head,
    authors: [],
    commitTimes: [],
    commitAuthors: [],
    securityFixTimes: [],
    files: [],
    fileCount: 0,
    tags: [],
    sourceFiles: 0,
    sourceBytes: 0,
    sourceLines: 0,
  };
}

/** The README's maintenance notices, when the clone holds its contents (the clone step fetched them). */
async function readReadme(
  local: LocalGit,
  directory: string | null,
): Promise<GitEvidence["readme"]> {
  const entry = await headReadme(local, directory);
  if (!entry) return null;
  const text = await readBlobText(local, entry.oid);
  if (text === null) return null;
  const file = entry.path.startsWith('"') ? entry.path.slice(1, -1) : entry.path;
  return { path: file.slice(0, 300), notices: findMarkdownNotices(text) };
}
