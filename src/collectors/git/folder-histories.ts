import { HistoryBuilder } from "./history-builder.js";

/**
 * Pure: splits one `git log --name-status` pass over a whole repository into
 * the histories `git log -- <folder>` would give for each package folder of a
 * monorepo, so its history is read once instead of once per package (51
 * passes over one test-runner monorepo before). It replays git's default
 * history simplification per folder:
 * - a commit with no parent, or one parent, is shown when it changes the
 *   folder, with its changes restricted to the folder (a rename across the
 *   folder's edge reads as an addition or a deletion, as the pathspec'd diff
 *   says); its parent is followed either way;
 * - a merge whose folder equals one parent's (TREESAME, `sameAsParent`) is
 *   not shown and only that parent (the first such) is followed; otherwise it
 *   is shown, without changes (git log prints none for a merge), and every
 *   parent is followed;
 * - a commit not reached from HEAD through followed parents is not shown.
 * The whole-repository folder (null) shows every commit. The one known
 * difference from separate passes: when identical contents are deleted on
 * both sides of the folder's edge in one commit, git may pair the rename
 * differently; and commits with equal commit times on parallel branches may
 * come in another order.
 */

/** Record separator and group separator of historyFormat (see history-builder.ts). */
const commitStart = "\x1e";
const bodyEnd = "\x1d";
const fieldSeparator = "\x1f";

/** Whether the merge's folder equals its parent's (same tree id, or absent in both). */
export type SameAsParent = (merge: string, parentIndex: number, folder: string) => boolean;

interface FolderState {
  folder: string | null;
  builder: HistoryBuilder;
  /** Commits reached from HEAD through followed parents and not yet seen in the log. */
  reached: Set<string>;
}

export class FolderHistories {
  private readonly states: FolderState[];
  private header: string[] = [];
  private changes: string[] = [];
  private inBody = false;
  private hash = "";
  private parents: string[] = [];

  constructor(
    folders: readonly (string | null)[],
    head: string,
    private readonly sameAsParent: SameAsParent,
  ) {
    this.states = folders.map((folder) => ({
      folder,
      builder: new HistoryBuilder(),
      reached: new Set([head]),
    }));
  }

  /** One line of `git log --name-status --format=<historyFormatWithParents>`. */
  line(line: string): void {
    if (this.inBody) {
      this.header.push(line);
      if (line.includes(bodyEnd)) this.inBody = false;
      return;
    }
    if (line.startsWith(commitStart)) {
      this.finishCommit();
      const ids = line.slice(1, line.indexOf(fieldSeparator)).split(" ");
      this.hash = ids[0] ?? "";
      this.parents = ids.slice(1).filter((id) => id.length > 0);
      this.header = [line];
      this.inBody = !line.includes(bodyEnd);
      return;
    }
    if (line.length > 0) this.changes.push(line);
  }

  /** After the last line: the builders, one per folder, in the order the folders were given. */
  finish(): Map<string | null, HistoryBuilder> {
    this.finishCommit();
    return new Map(this.states.map((s) => [s.folder, s.builder]));
  }

  private finishCommit(): void {
    if (this.header.length === 0) return;
    for (const state of this.states) this.attribute(state);
    this.header = [];
    this.changes = [];
  }

  private attribute(state: FolderState): void {
    const { folder, builder } = state;
    if (folder === null) {
      this.show(builder, this.changes);
      return;
    }
    if (!state.reached.delete(this.hash)) return;
    if (this.parents.length > 1) {
      const same = this.parents.findIndex((_, i) => this.sameAsParent(this.hash, i, folder));
      const followed = same >= 0 ? [this.parents[same] as string] : this.parents;
      for (const parent of followed) state.reached.add(parent);
      if (same < 0) this.show(builder, []);
      return;
    }
    for (const parent of this.parents) state.reached.add(parent);
    const inside = changesInFolder(this.changes, folder);
    if (inside.length > 0) this.show(builder, inside);
  }

  private show(builder: HistoryBuilder, changes: readonly string[]): void {
    for (const line of this.header) builder.line(line);
    for (const line of changes) builder.line(line);
  }
}

/**
 * `--name-status` lines as `git log -- <folder>` prints them: paths outside are
 * left out, and a rename across the folder's edge is an addition or a deletion.
 */
export function changesInFolder(changes: readonly string[], folder: string): string[] {
  const result: string[] = [];
  for (const line of changes) {
    const [status = "", first = "", second] = line.split("\t");
    if ((status[0] === "R" || status[0] === "C") && second !== undefined) {
      const from = isInFolder(first, folder);
      const to = isInFolder(second, folder);
      if (from && to) result.push(line);
      else if (to) result.push(`A\t${second}`);
      else if (from && status[0] === "R") result.push(`D\t${first}`);
    } else if (isInFolder(first, folder)) result.push(line);
  }
  return result;
}

/** Whether a path as git prints it (C-quoted when unusual) lies in the folder, as a literal pathspec matches. */
export function isInFolder(printed: string, folder: string): boolean {
  const file = printed.startsWith('"') ? unquote(printed) : printed;
  return file === folder || (file.startsWith(folder) && file[folder.length] === "/");
}

const escapes: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13 };

/** Undoes git's C-style quoting (core.quotePath): `"caf\303\251"` is `café`. */
export function unquote(quoted: string): string {
  const body = quoted.slice(1, quoted.endsWith('"') ? -1 : undefined);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (char !== "\\") {
      for (const byte of Buffer.from(char, "utf8")) bytes.push(byte);
      continue;
    }
    const next = body[i + 1] ?? "";
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(Number.parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
