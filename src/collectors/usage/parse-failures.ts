import type { Evidence } from "../types.js";
import type { BlindSpot, UsageEvidence } from "./types.js";

/**
 * How long a parser message may be in a blind spot. Babel's plugin hints run
 * to a few hundred characters (`This experimental syntax requires enabling
 * one of the following parser plugin(s): …`); the file and line say where to
 * look, the first words say what went wrong.
 */
const maxMessageLength = 60;

/**
 * A parser error as a few words: `Unexpected token, expected "{" (1:7)` →
 * `unexpected token, expected "{"`. The position is dropped (the blind spot
 * carries the line), and so is the error class's name.
 */
export function shortParseMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const text = raw
    .replace(/^\w*Error:\s*/, "")
    .replace(/\s*\(\d+:\d+\)\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
  // `This experimental syntax requires enabling the parser plugin: "pipelineOperator".`
  const plugins = /^This experimental syntax requires enabling.*?:\s*(.+?)\.?$/.exec(text)?.[1];
  const words = plugins
    ? `experimental syntax (${plugins.replace(/"/g, "")})`
    : text.charAt(0).toLowerCase() + text.slice(1);
  if (words === "") return "syntax error";
  return words.length > maxMessageLength ? `${words.slice(0, maxMessageLength - 1)}…` : words;
}

/** The blind spot of a project file that does not parse: it may hide any package's use. */
export function parseFailureSpot(file: string, line: number, message: string): BlindSpot {
  return { file, line, kind: "parse-error", detail: `file not parsed (${message})`, message };
}

/**
 * The run's one word on source files that did not parse: how many, and the
 * first (`3 files not parsed (first: src/x.ts:12: unexpected token)`).
 * Every package of a project carries that project's spots, so they are
 * gathered from all and counted once per file.
 */
export function unparsedFilesNote(usage: ReadonlyMap<string, Evidence<UsageEvidence>>): string[] {
  const files = new Map<string, BlindSpot>();
  for (const evidence of usage.values()) {
    for (const spot of evidence.data?.blindSpots ?? []) {
      if (spot.kind === "parse-error" && spot.message !== undefined && !files.has(spot.file))
        files.set(spot.file, spot);
    }
  }
  const first = [...files.values()].sort((a, b) => a.file.localeCompare(b.file))[0];
  if (!first) return [];
  const count = files.size === 1 ? "1 file" : `${files.size} files`;
  return [
    `${count} not parsed (first: ${first.file}:${first.line}: ${first.message}): a dependency seen used nowhere else is usage unknown, not unused.`,
  ];
}
