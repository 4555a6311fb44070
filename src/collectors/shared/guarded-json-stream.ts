import type { JSONParser } from "@streamparser/json";

/** A streaming JSON parser that never throws: a bad byte marks the document unparsable instead. */
export interface GuardedJsonStream {
  write(chunk: Uint8Array): void;
  /** Ends the document; true when all of it parsed. */
  finish(): boolean;
}

/**
 * Wraps `parser` (whose `onError` it takes over) so that a malformed or
 * truncated packument from a stranger's registry is a status, never an
 * exception: after the first error, further chunks are ignored.
 */
export function guardJsonStream(parser: JSONParser): GuardedJsonStream {
  let failed = false;
  parser.onError = () => {
    failed = true;
  };
  return {
    write(chunk) {
      if (failed) return;
      try {
        parser.write(chunk);
      } catch {
        failed = true;
      }
    },
    finish() {
      if (!failed && !parser.isEnded) {
        try {
          parser.end();
        } catch {
          failed = true;
        }
      }
      return !failed && parser.isEnded;
    },
  };
}
