import type { JSONParser } from "@streamparser/json";

/**
 * The longest string or number token the streaming parser holds, in bytes. It
 * gathers a whole token before handing it on, so a 190 MB readme cost 526 MB
 * although jenga keeps none of it. Every value jenga keeps from such a
 * document has a ceiling far below this (registry/limits.ts: 2048 characters
 * at most), so a token cut here is still one those checks refuse or cut:
 * nothing jenga keeps changes.
 */
export const MAX_STREAMED_TOKEN_BYTES = 64 * 1024;

/**
 * A token accumulator for @streamparser/json's tokenizer (its `StringBuilder`
 * shape) that keeps the first `maxBytes` of a string or number and only counts
 * the rest, so a stranger's 190 MB string costs 64 KB while it streams past.
 * `byteLength` stays the token's whole length: the tokenizer computes offsets
 * from it.
 */
export class CappedToken {
  byteLength = 0;
  private pieces: string[] = [];
  private kept = 0;
  // As the library's own builder: invalid UTF-8 in what is kept is a parse error.
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  // The piece cut at the cap may end inside a character; it is over the limit anyway.
  private readonly lenient = new TextDecoder("utf-8");

  constructor(private readonly maxBytes: number) {}

  appendChar(char: number): void {
    this.byteLength += 1;
    if (this.kept >= this.maxBytes) return;
    this.pieces.push(String.fromCharCode(char));
    this.kept += 1;
  }

  appendBuf(buf: Uint8Array, start = 0, end = buf.length): void {
    this.byteLength += end - start;
    const room = this.maxBytes - this.kept;
    if (room <= 0) return;
    const cut = Math.min(end, start + room);
    const decoder = cut < end ? this.lenient : this.decoder;
    this.pieces.push(decoder.decode(buf.subarray(start, cut)));
    this.kept += cut - start;
  }

  /** A code unit from a `\uXXXX` escape: counted by the tokenizer itself, kept here. */
  appendCharCode(code: number): void {
    if (this.kept >= this.maxBytes) return;
    this.pieces.push(String.fromCharCode(code));
    this.kept += 1;
  }

  reset(): void {
    this.pieces = [];
    this.kept = 0;
    this.byteLength = 0;
  }

  toString(): string {
    const text = this.pieces.join("");
    this.pieces = [text];
    return text;
  }
}

/**
 * Puts capped accumulators in place of the tokenizer's own. They are private
 * fields of @streamparser/json (pinned in package.json); if a version renames
 * them this throws at once, rather than silently leaving tokens uncapped.
 */
export function capTokens(parser: JSONParser, maxBytes: number): void {
  const tokenizer = (parser as unknown as { tokenizer?: Record<string, unknown> }).tokenizer;
  if (!tokenizer || !("bufferedString" in tokenizer) || !("bufferedNumber" in tokenizer))
    throw new Error("@streamparser/json has no token accumulators to cap");
  tokenizer.bufferedString = new CappedToken(maxBytes);
  tokenizer.bufferedNumber = new CappedToken(maxBytes);
}
