/**
 * A packument body (decoded bytes, in chunks) to evidence, choosing the parser
 * by size: small bodies are buffered and given to JSON.parse (several times
 * faster); a body declared or found to be larger than `streamAboveBytes`
 * switches to the streaming parser, which keeps memory flat however large the
 * packument. No I/O of its own: the caller supplies the chunks.
 */
import type { ByteBudget } from "./byte-budget.js";
import {
  createPackumentStreamParser,
  type PackumentParse,
  type PackumentProblem,
  type PackumentStreamParser,
  parsePackumentBytes,
} from "./parse-packument.js";
import type { RegistryEvidence } from "./types.js";

export interface BodyLimits {
  /** Bodies larger than this are parsed as a stream. */
  streamAboveBytes: number;
  /** Bodies larger than this are refused. */
  maxBodyBytes: number;
  /** Shared by concurrent downloads: a body that does not fit in it is streamed, not buffered. */
  buffered?: ByteBudget;
}

export type BodyProblem = PackumentProblem | "body too large";

export type BodyParse =
  | { ok: true; evidence: RegistryEvidence; parser: "json" | "stream" }
  | { ok: false; problem: BodyProblem };

/**
 * `declaredLength` is the decoded length when known in advance (an identity
 * Content-Length), else null. Returning early (too large) ends the iteration,
 * which destroys the underlying stream.
 */
export async function readPackumentBody(
  chunks: AsyncIterable<Uint8Array>,
  registry: string,
  declaredLength: number | null,
  limits: BodyLimits,
): Promise<BodyParse> {
  if (declaredLength !== null && declaredLength > limits.maxBodyBytes) {
    return { ok: false, problem: "body too large" };
  }
  let stream: PackumentStreamParser | null =
    declaredLength !== null && declaredLength > limits.streamAboveBytes
      ? createPackumentStreamParser(registry)
      : null;
  let buffered: Uint8Array[] = [];
  let total = 0;
  let reserved = 0;
  try {
    for await (const chunk of chunks) {
      total += chunk.byteLength;
      if (total > limits.maxBodyBytes) return { ok: false, problem: "body too large" };
      if (stream) {
        stream.write(chunk);
        continue;
      }
      buffered.push(chunk);
      const fits = limits.buffered?.tryReserve(chunk.byteLength) ?? true;
      if (fits) reserved += chunk.byteLength;
      if (total > limits.streamAboveBytes || !fits) {
        stream = createPackumentStreamParser(registry);
        for (const earlier of buffered) stream.write(earlier);
        buffered = [];
        limits.buffered?.release(reserved);
        reserved = 0;
      }
    }
    if (stream) return withParser(stream.end(), "stream");
    return withParser(parsePackumentBytes(Buffer.concat(buffered, total), registry), "json");
  } finally {
    // Held through JSON.parse, which is where a buffered body costs the most.
    limits.buffered?.release(reserved);
  }
}

function withParser(parse: PackumentParse, parser: "json" | "stream"): BodyParse {
  return parse.ok ? { ...parse, parser } : parse;
}
