import path from "node:path";
import { findMarkdownNotices } from "../shared/markdown-notices.js";
import { headReadme, listHead, measureBlobs, readBlobText } from "./git-blobs.js";
import { streamGit } from "./git-process.js";
import { HistoryBuilder, historyFormat } from "./history-builder.js";
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
  const run = (args: string[], onLine: (line: string) => void) =>
    streamGit(args, { gitDir, env: options.env, timeoutMs: options.timeoutMs, onLine });
  const pathspec = target.directory ? ["--", target.directory] : [];
  let head: string | null = null;
  await run(["rev-parse", "--verify", "-q", "HEAD"], (line) => {
    head = line.trim() || null;
  }).catch(() => undefined);
  const evidence: GitEvidence = {
    url: target.url,
    directory: target.directory,
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
  if (head === null) return evidence;

  const history = new HistoryBuilder();
  // The clone step copied .mailmap out of HEAD; reading the blob here could trigger a lazy fetch.
  const mailmap = ["mailmap.blob=", `mailmap.file=${path.join(gitDir, mailmapFileName)}`];
  await streamGit(
    [
      "log",
      "--use-mailmap",
      "--no-show-signature",
      "--no-ext-diff",
      "--no-textconv",
      "--name-status",
      "-M100%",
      `--format=${historyFormat}`,
      "HEAD",
      ...pathspec,
    ],
    {
      gitDir,
      env: options.env,
      timeoutMs: options.timeoutMs,
      config: mailmap,
      onLine: (l) => history.line(l),
    },
  );

  const atHead = new Set<string>();
  const sourceBlobs: string[] = [];
  const local = { gitDir, env: options.env, timeoutMs: options.timeoutMs };
  await listHead(local, target.directory, (entry) => {
    atHead.add(entry.path);
    if (entry.type === "blob" && entry.oid && isSourceFile(entry.path)) sourceBlobs.push(entry.oid);
  });
  // Contents are read only when the clone holds all of them (the clone step fetched them).
  const measured = await measureBlobs(local, sourceBlobs);
  const readme = await readReadme(local, target.directory);
  const tags: GitEvidence["tags"] = [];
  await run(
    ["for-each-ref", "refs/tags", "--format=%(creatordate:unix)%09%(refname:strip=2)"],
    (line) => {
      const tab = line.indexOf("\t");
      const time = Number(line.slice(0, tab));
      if (tab > 0 && Number.isFinite(time)) tags.push({ name: line.slice(tab + 1), time });
    },
  );
  tags.sort((a, b) => b.time - a.time);

  return {
    ...evidence,
    authors: history.authors,
    commitTimes: history.commitTimes,
    commitAuthors: history.commitAuthors,
    securityFixTimes: history.securityFixTimes,
    reportFixTimes: history.reportFixTimes,
    files: history.filesAt(atHead),
    fileCount: atHead.size,
    tags,
    sourceFiles: sourceBlobs.length,
    sourceBytes: measured?.bytes ?? null,
    sourceLines: measured?.lines ?? null,
    readme,
  };
}

/** The README's maintenance notices, when the clone holds its contents (the clone step fetched them). */
async function readReadme(
  local: { gitDir: string; env: Record<string, string | undefined>; timeoutMs: number },
  directory: string | null,
): Promise<GitEvidence["readme"]> {
  const entry = await headReadme(local, directory);
  if (!entry) return null;
  const text = await readBlobText(local, entry.oid);
  if (text === null) return null;
  const file = entry.path.startsWith('"') ? entry.path.slice(1, -1) : entry.path;
  return { path: file.slice(0, 300), notices: findMarkdownNotices(text) };
}
