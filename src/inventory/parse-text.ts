import { createRequire } from "node:module";
import type * as YarnParsers from "@yarnpkg/parsers";
import { InputError } from "../errors.js";

/**
 * Text → data for every input format, turning each parser's own error shape
 * into an InputError with a 1-based line, so a corrupt file is reported as
 * `file:line: detail` whatever wrote it.
 */

const INPUT_HINT = "The file is corrupt or truncated: regenerate it with the tool that wrote it.";

export function parseJsonText(text: string, file: string): unknown {
  try {
    // A byte order mark is legal in files written on Windows and not in JSON.
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = (error as Error).message;
    // The line replaces V8's character position, which means nothing to a reader.
    const detail = firstLine(message).replace(
      /,? (in JSON )?at position \d+( \(line \d+ column \d+\))?/,
      "",
    );
    throw new InputError(file, `invalid JSON: ${detail}`, jsonErrorLine(text, message), INPUT_HINT);
  }
}

/**
 * V8 reports `at position N` (Node 20) or `(line L column C)` (Node 22+), and
 * nothing at all for a truncated file, where the error is at the end.
 */
export function jsonErrorLine(text: string, message: string): number {
  const lineColumn = /line (\d+) column \d+/.exec(message);
  if (lineColumn?.[1]) return Number(lineColumn[1]);
  const position = /at position (\d+)/.exec(message);
  // An error at the very end is reported on the last line that has text.
  const end = text.trimEnd().length;
  return lineOfOffset(text, Math.min(position?.[1] ? Number(position[1]) : end, end));
}

/**
 * pnpm-lock.yaml and pnpm-workspace.yaml. Read with js-yaml's failsafe schema
 * through `parseSyml` (scalars stay strings): 20 times faster than the `yaml`
 * package on a 5,000-package lockfile (60 ms against 1.3 s).
 */
export function parseYamlText(text: string, file: string): unknown {
  return parseSymlText(text, file, "invalid YAML");
}

/** yarn.lock of both generations; `parseSyml` picks the classic grammar from the header comment. */
export function parseYarnText(text: string, file: string): Record<string, unknown> {
  if (!YARN_CLASSIC_HEADER.test(text)) return parseSymlText(text, file, "invalid yarn.lock");
  const data: Record<string, unknown> = {};
  for (const chunk of yarnClassicChunks(text)) {
    Object.assign(data, parseSymlText(chunk.text, file, "invalid yarn.lock", chunk.lineOffset));
  }
  return data;
}

/** The test `parseSyml` uses to choose the yarn classic grammar. */
const YARN_CLASSIC_HEADER = /^(#.*(\r?\n))*?#\s+yarn\s+lockfile\s+v1\r?\n/i;

/**
 * The yarn classic grammar spreads the entries of a level into one call's
 * arguments, which overflows the stack past about 120,000 entries: a lockfile
 * is read in slices of this many top-level entries, each under the header.
 */
const YARN_CLASSIC_ENTRIES_PER_PARSE = 10_000;

function* yarnClassicChunks(text: string): Generator<{ text: string; lineOffset: number }> {
  const lines = text.split("\n");
  let start = 0;
  let entries = 0;
  for (let i = 0; i < lines.length; i++) {
    // An entry starts at column 0; comments and blank lines do not count.
    if (!/^[^\s#]/.test(lines[i] as string)) continue;
    if (entries++ < YARN_CLASSIC_ENTRIES_PER_PARSE || start === i) continue;
    yield slice(start, i);
    start = i;
    entries = 1;
  }
  yield slice(start, lines.length);

  function slice(from: number, to: number): { text: string; lineOffset: number } {
    const body = lines.slice(from, to).join("\n");
    // Every slice but the first gets the header back, one line the error lines discount.
    return from === 0
      ? { text: body, lineOffset: 0 }
      : { text: `# yarn lockfile v1\n${body}`, lineOffset: from - 1 };
  }
}

let parsers: typeof YarnParsers | undefined;

function parseSymlText(
  text: string,
  file: string,
  what: string,
  lineOffset = 0,
): Record<string, unknown> {
  // Loaded on the first yarn or pnpm file: package.json and npm lockfiles need no YAML.
  parsers ??= createRequire(import.meta.url)("@yarnpkg/parsers") as typeof YarnParsers;
  try {
    return parsers.parseSyml(text);
  } catch (error) {
    if (error instanceof RangeError) {
      // The grammar recursion (see YARN_CLASSIC_ENTRIES_PER_PARSE) inside one entry.
      throw new InputError(
        file,
        `${what}: an entry too wide to read (the parser ran out of stack; more than about 100,000 dependencies in one entry?)`,
        undefined,
        INPUT_HINT,
      );
    }
    const detail = error as {
      message?: string;
      reason?: string;
      location?: { start?: { line?: number } };
      mark?: { line?: number };
    };
    // The classic grammar (peggy) gives 1-based lines; js-yaml's mark is 0-based.
    const found =
      detail.location?.start?.line ??
      (detail.mark?.line === undefined ? undefined : detail.mark.line + 1);
    const line = found === undefined ? undefined : found + lineOffset;
    const reason = detail.reason ?? firstLine(detail.message ?? String(error));
    throw new InputError(file, `${what}: ${reason}`, line, INPUT_HINT);
  }
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Error messages of YAML parsers carry a code excerpt after the first line; the CLI prints one line. */
function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/\s*\(line \d+, column \d+\)\.?$/, "").trim();
}
