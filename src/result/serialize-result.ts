import type { JengaResult } from "./types.js";

/**
 * The JSON result as written to a file or stdout: one line, no indentation.
 * Pretty-printing a thousand packages' signals doubled the file for no
 * reader: tools parse it, people read the report (`jq .` indents it back).
 */
export function serializeResult(result: JengaResult): string {
  return `${JSON.stringify(result)}\n`;
}
