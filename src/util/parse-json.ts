import { type ParseError, parse as parseTolerant, printParseErrorCode } from "jsonc-parser";
import { InputError } from "../errors.js";

/**
 * JSON.parse with an error that names the file and the line. V8's messages
 * carry no position for most syntax errors on Node 20, so on failure the text
 * is parsed again by jsonc-parser in strict mode, which reports the offset.
 * The fast path stays JSON.parse: lockfiles run to tens of megabytes.
 */
export function parseJsonFile(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const located = locate(body);
    const reason = located ? printParseErrorCode(located.error) : (error as Error).message;
    throw new InputError(
      file,
      `invalid JSON: ${reason}`,
      located ? lineAt(body, located.offset) : undefined,
    );
  }
}

function locate(text: string): ParseError | undefined {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  return errors[0];
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
