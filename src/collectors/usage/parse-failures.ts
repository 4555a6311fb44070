import type { BlindSpot } from "./types.js";

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
