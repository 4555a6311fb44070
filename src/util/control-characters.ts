/** C0 and C1 control characters and DEL: terminal escapes, NULs, line tricks in strangers' strings. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/g;

export function hasControlCharacters(text: string): boolean {
  controlCharacters.lastIndex = 0;
  return controlCharacters.test(text);
}

/** Replaces each control character with `?`, for text printed to a terminal. */
export function replaceControlCharacters(text: string): string {
  return text.replace(controlCharacters, "?");
}

/**
 * As replaceControlCharacters, line by line, keeping the line breaks: for
 * everything the CLI prints, whose messages may quote a stranger's bytes (a
 * JSON parser's snippet of a corrupt lockfile carries its ESC and BEL).
 */
export function printableLines(text: string): string {
  return text.split("\n").map(replaceControlCharacters).join("\n");
}
