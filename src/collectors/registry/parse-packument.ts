/**
 * Packument bytes to evidence, two ways with one result:
 * - `parsePackumentBytes`: JSON.parse, fast, but holds the whole document
 *   (a 50 MB body becomes well over 100 MB of heap);
 * - `createPackumentStreamParser`: @streamparser/json, slower, but keeps only
 *   one version manifest at a time plus the few top-level fields we read.
 * Both feed the same projections (from-packument.ts), and the tests check that
 * they agree on every fixture and on hostile shapes.
 */
import { JSONParser } from "@streamparser/json";
import { guardJsonStream } from "../shared/guarded-json-stream.js";
import { isPlainObject } from "../shared/untrusted.js";
import {
  assembleEvidence,
  collectVersion,
  fromPackument,
  isTopLevelField,
  TOP_LEVEL_FIELDS,
  type TopLevelValues,
} from "./from-packument.js";
import type { RegistryEvidence, VersionRecord } from "./types.js";

export type PackumentProblem = "unparsable body" | "not a packument";

export type PackumentParse =
  | { ok: true; evidence: RegistryEvidence }
  | { ok: false; problem: PackumentProblem };

export interface PackumentStreamParser {
  write(chunk: Uint8Array): void;
  end(): PackumentParse;
}

export function parsePackumentBytes(bytes: Uint8Array, registry: string): PackumentParse {
  let json: unknown;
  try {
    // TextDecoder drops a leading byte-order mark, as the streaming tokenizer does.
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, problem: "unparsable body" };
  }
  if (!isPlainObject(json)) return { ok: false, problem: "not a packument" };
  return { ok: true, evidence: fromPackument(json, registry) };
}

/** JSONPath selectors: each version on its own, and the top-level fields we read. */
const VERSION_PATH = "$.versions.*";
const STREAM_PATHS = [VERSION_PATH, ...TOP_LEVEL_FIELDS.map((field) => `$.${field}`)];

/** Depth of the parser's stack when it emits a top-level field, and a version entry. */
const TOP_LEVEL_DEPTH = 1;
const VERSION_DEPTH = 2;

const OPEN_BRACE = 0x7b;
/** JSON whitespace and a UTF-8 byte-order mark's bytes, skipped when looking for the first token. */
const LEADING_BYTES: ReadonlySet<number> = new Set([0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf]);

export function createPackumentStreamParser(registry: string): PackumentStreamParser {
  const top: TopLevelValues = {};
  let versions = new Map<string, VersionRecord>();
  let versionsObject: unknown = null;
  let firstByte: number | null = null;

  // keepStack: false drops every finished value from its parent unless an
  // ancestor is itself selected, so a big readme or a version manifest lives
  // only until it has been emitted (or skipped).
  const parser = new JSONParser({ paths: STREAM_PATHS, keepStack: false });
  parser.onValue = ({ value, key, parent, stack }) => {
    if (stack.length === TOP_LEVEL_DEPTH && typeof key === "string" && isTopLevelField(key)) {
      top[key] = value;
      return;
    }
    if (stack.length !== VERSION_DEPTH || typeof key !== "string") return;
    // A duplicated "versions" key: JSON.parse keeps the last object, so do we.
    // (Known gap: when the last one is empty or not an object, nothing is
    // emitted for it and the earlier object's versions stay.)
    if (parent !== versionsObject) {
      versionsObject = parent;
      versions = new Map();
    }
    collectVersion(versions, key, value);
  };

  const stream = guardJsonStream(parser);
  return {
    write(chunk) {
      firstByte ??= firstSignificantByte(chunk);
      stream.write(chunk);
    },
    end() {
      if (!stream.finish() || firstByte === null) return { ok: false, problem: "unparsable body" };
      if (firstByte !== OPEN_BRACE) return { ok: false, problem: "not a packument" };
      return { ok: true, evidence: assembleEvidence(top, versions, registry) };
    },
  };
}

function firstSignificantByte(chunk: Uint8Array): number | null {
  for (const byte of chunk) {
    if (!LEADING_BYTES.has(byte)) return byte;
  }
  return null;
}
