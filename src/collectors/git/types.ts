import type { ReadmeNotice } from "../issues/types.js";

/**
 * What the git collector keeps of a repository's history: only what signals
 * need, in compact parallel arrays so a 100,000-commit history stays a small
 * cache entry. Commit messages and file names are not kept: they are
 * strangers' text and no signal needs them once classified.
 */

export interface GitAuthor {
  /** Mailmap-resolved name and email, as git prints them with --use-mailmap. */
  name: string;
  email: string;
  /** Dependabot, Renovate, `…[bot]` accounts: excluded from people counts and activity. */
  bot: boolean;
}

export interface GitFileAuthorship {
  /** Index into `authors` of the human who added the file, or -1 (a bot, or history does not say). */
  creator: number;
  /** Flattened pairs `[author, changes, author, changes, …]`: human changes to the file (adds, edits, renames). */
  changes: number[];
}

export interface GitEvidence {
  /** The repository URL the history was read from, and the monorepo folder it was restricted to. */
  url: string;
  directory: string | null;
  /** The commit HEAD pointed to, or null for an empty repository. */
  head: string | null;
  authors: GitAuthor[];
  /** One entry per commit touching the folder, newest first: author time (Unix seconds) and author index. */
  commitTimes: number[];
  commitAuthors: number[];
  /** Author times of human commits that look like security fixes (CVE/GHSA ids, security words). */
  securityFixTimes: number[];
  /**
   * Author times of human commits that close a reported issue (`fixes #123`): how often
   * reports arrive and get fixed, read without any API. Absent in older cache entries.
   */
  reportFixTimes?: number[];
  /** Authorship of every file at HEAD under the folder, for the truck factor. */
  files: GitFileAuthorship[];
  /** Files at HEAD under the folder (from the tree, no blobs needed). */
  fileCount: number;
  /** Tags with their dates (tagger date for annotated tags, else the commit's), newest first. */
  tags: { name: string; time: number }[];
  /**
   * Source files (by extension, see source-files.ts) at HEAD under the folder. Absent in
   * evidence cached by a jenga that did not read it.
   */
  sourceFiles?: number;
  /**
   * Their total size in bytes, or null when the clone lacks some of their contents: the
   * clone step fetches them (HEAD's source files under the folder only), but that can
   * fail or be skipped (too many files, offline); reading a size while reading history
   * would fetch the file, which is never allowed there.
   */
  sourceBytes?: number | null;
  /** Their lines (newlines, plus an unterminated last line), or null as for sourceBytes. Absent in older cache entries. */
  sourceLines?: number | null;
  /** Why their contents were not fetched, when they were not (`contents not fetched: …`). */
  sourceNote?: string;
  /**
   * The README at HEAD (the package folder's, else the root's) and the maintenance notices
   * at its top; null when there is none or the clone lacks its contents. Absent in older
   * cache entries.
   */
  readme?: { path: string; notices: ReadmeNotice[] } | null;
}
