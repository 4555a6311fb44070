import { isBot } from "./bots.js";
import { closesReport, isSecurityFix } from "./security-commit.js";
import type { GitAuthor, GitFileAuthorship } from "./types.js";

/**
 * Pure: turns the lines of one `git log --name-status` pass (format below,
 * newest commit first) into the compact history signals need. It sees each
 * line once and keeps nothing of a commit but its time, author and flags.
 */

/** Record separator, unit separator, group separator: bytes git never prints in its own fields. */
const commitStart = "\x1e";
const field = "\x1f";
const bodyEnd = "\x1d";
export const historyFormat = "%x1e%H%x1f%aN%x1f%aE%x1f%at%x1f%s%x1f%b%x1d";
/** The same with the parents after the commit's id (`<id> <parent> …`), for folder-histories.ts. */
export const historyFormatWithParents = historyFormat.replace("%H", "%H %P");

/** Marks a path whose older history belongs to a file that no longer exists at HEAD. */
const gone = null;

interface FileState {
  creator: number;
  changes: Map<number, number>;
}

export class HistoryBuilder {
  readonly authors: GitAuthor[] = [];
  readonly commitTimes: number[] = [];
  readonly commitAuthors: number[] = [];
  readonly securityFixTimes: number[] = [];
  readonly reportFixTimes: number[] = [];
  private readonly authorIndex = new Map<string, number>();
  /** Current path of each file, keyed by every name it had; `gone` once its older history is irrelevant. */
  private readonly alias = new Map<string, string | null>();
  private readonly files = new Map<string, FileState>();
  private inBody = false;
  private subject = "";
  private securityInBody = false;
  private closesInBody = false;
  private author = -1;
  private time = 0;

  line(line: string): void {
    if (this.inBody) {
      const end = line.indexOf(bodyEnd);
      const text = end >= 0 ? line.slice(0, end) : line;
      if (!this.securityInBody && isSecurityFix("", text)) this.securityInBody = true;
      if (!this.closesInBody && closesReport("", text)) this.closesInBody = true;
      if (end >= 0) this.finishCommit();
      return;
    }
    if (line.startsWith(commitStart)) this.header(line.slice(1));
    else if (line.length > 0) this.fileLine(line);
  }

  private header(text: string): void {
    const parts = text.split(field);
    const [, name = "", email = "", at = "0", subject = ""] = parts;
    const body = parts.slice(5).join(field);
    this.author = this.authorOf(name, email);
    this.time = Number(at) || 0;
    this.subject = subject;
    const end = body.indexOf(bodyEnd);
    const firstBody = end >= 0 ? body.slice(0, end) : body;
    this.securityInBody = isSecurityFix("", firstBody);
    this.closesInBody = closesReport("", firstBody);
    if (end >= 0) this.finishCommit();
    else this.inBody = true;
  }

  private finishCommit(): void {
    this.inBody = false;
    this.commitTimes.push(this.time);
    this.commitAuthors.push(this.author);
    const human = !this.authors[this.author]?.bot;
    if (human && (this.securityInBody || isSecurityFix(this.subject, "")))
      this.securityFixTimes.push(this.time);
    if (human && (this.closesInBody || closesReport(this.subject, "")))
      this.reportFixTimes.push(this.time);
  }

  private authorOf(name: string, email: string): number {
    const key = (email || name).trim().toLowerCase();
    let index = this.authorIndex.get(key);
    if (index === undefined) {
      index = this.authors.length;
      this.authors.push({ name, email, bot: isBot(name, email) });
      this.authorIndex.set(key, index);
    }
    return index;
  }

  /** `M\tpath`, `A\tpath`, `D\tpath`, `T\tpath`, `R100\told\tnew`. */
  private fileLine(line: string): void {
    const [status = "", first = "", second] = line.split("\t");
    const kind = status[0];
    if (kind === "D") {
      // Newest first: history older than a deletion is a previous incarnation, or a file gone from HEAD.
      if (!this.alias.has(first)) this.alias.set(first, gone);
      return;
    }
    const path = kind === "R" || kind === "C" ? (second ?? "") : first;
    const current = this.alias.has(path) ? this.alias.get(path) : path;
    if (current === gone || current === undefined) return;
    this.touch(current, kind === "A");
    if (kind === "R") this.alias.set(first, current);
    // Older entries for a name that was just added belong to an earlier, deleted file.
    if (kind === "A") this.alias.set(path, gone);
    else if (!this.alias.has(path)) this.alias.set(path, current);
  }

  private touch(file: string, added: boolean): void {
    if (this.authors[this.author]?.bot) return;
    let state = this.files.get(file);
    if (!state) {
      state = { creator: -1, changes: new Map() };
      this.files.set(file, state);
    }
    state.changes.set(this.author, (state.changes.get(this.author) ?? 0) + 1);
    if (added) state.creator = this.author;
  }

  /** Authorship of the files that exist at HEAD (`atHead`, as `git ls-tree` quotes them). */
  filesAt(atHead: ReadonlySet<string>): GitFileAuthorship[] {
    const result: GitFileAuthorship[] = [];
    for (const [file, state] of this.files) {
      if (!atHead.has(file)) continue;
      result.push({ creator: state.creator, changes: [...state.changes].flat() });
    }
    return result;
  }
}
