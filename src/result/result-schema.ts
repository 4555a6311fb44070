import { z } from "zod";
import { sourceNames } from "../collectors/sources.js";
import type { SourceName } from "../collectors/types.js";
import { gateSeverities } from "../scoring/policy.js";
import { type Action, actions, type Verdict, verdictNames } from "../scoring/verdicts.js";
import type { Unit } from "../signals/catalog.js";
import type { JengaResult } from "./types.js";

/**
 * The JSON result's schema, for other tools (jenga-result.schema.json beside
 * this file is generated from it by `npm run schema`; a test keeps the two in
 * step). `JengaResult` in types.ts stays the contract the code is written
 * against; the check at the bottom fails to compile when the two disagree in
 * either direction, so a field added to one and not the other is caught here.
 *
 * Objects are open in the published schema: the v1 contract lets fields be
 * added, and a consumer validating with an older copy must not reject a newer
 * result. The tests close every object to prove the schema is exact.
 */

const verdict = z.enum(verdictNames as [Verdict, ...Verdict[]]);
const action = z.enum(actions as [Action, ...Action[]]);
const source = z.enum(sourceNames as unknown as [SourceName, ...SourceName[]]);

// Closed sets with no runtime list: written out here, and held to their types by the check below.
const units = [
  "boolean",
  "months",
  "years",
  "count",
  "per-year",
  "bytes",
  "text",
  "list",
  "ratio",
  "per-kloc",
  "days",
  "series",
] as const satisfies readonly Unit[];
const inputKinds = [
  "npm-lock",
  "pnpm-lock",
  "yarn-classic",
  "yarn-berry",
  "cyclonedx",
  "spdx",
  "package-json",
] as const;
const scopes = ["prod", "dev", "optional", "peer"] as const;

const sourceStatus = z
  .string()
  .describe('"ok", or why there is no data: "unavailable: <why>", "skipped: <why>", "offline: …".');

/**
 * An object with one required property per member of a closed set (every
 * source, every verdict): spelled out property by property, so editors and
 * validators see each key (a record keyed by an enum is opaque to both).
 */
function everyKey<K extends string, T extends z.ZodType>(keys: readonly K[], value: T) {
  return z.object(Object.fromEntries(keys.map((key) => [key, value])) as Record<K, T>);
}

/** Every source, each required: the same shape whatever a run turned off. */
function perSource<T extends z.ZodType>(value: T) {
  return everyKey(sourceNames, value);
}

const seriesPoint = z.record(z.string(), z.union([z.string(), z.number()])).readonly();

const signalResult = z.object({
  value: z
    .union([
      z.number(),
      z.string(),
      z.boolean(),
      z.array(z.string()),
      z.array(seriesPoint).readonly(),
      z.null(),
    ])
    .describe(
      'A number, text, boolean, list of strings, null (unknown: `note` says why), or for unit "series" a list of points oldest first.',
    ),
  unit: z.enum(units),
  trusted: z
    .boolean()
    .describe("False when the value rests on data jenga has reason to doubt (mirror times)."),
  note: z
    .string()
    .optional()
    .describe(
      "Short context. Why publish times are untrusted is said once, on publishTimesTrusted, not on every signal resting on them.",
    ),
  detail: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

const reasonResult = z.object({
  signal: z.string(),
  code: z.string(),
  text: z.string(),
  action: action.nullable().describe("The action this reason pushes toward, null for context."),
  points: z.number(),
});

const packageResult = z.object({
  name: z.string(),
  versions: z.array(z.string()),
  direct: z.boolean(),
  scopes: z.array(z.enum(scopes)),
  dependents: z.number().int().min(0),
  via: z.array(z.string()).describe("The direct dependencies that bring it in."),
  path: z.array(z.string()),
  projects: z.array(z.string()),
  repository: z.object({ url: z.string(), directory: z.string().nullable() }).nullable(),
  verdict,
  health: z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .describe("0-100, or null when there is no maintenance evidence."),
  impact: z.number().min(0).max(100),
  risksBelow: z.array(z.string()),
  blocksFixOf: z.array(z.string()),
  confidence: z.number().min(0).max(1),
  scores: everyKey(actions, z.number()),
  reasons: z.array(reasonResult),
  signals: z
    .record(z.string(), signalResult)
    .describe(
      "Signals by id. A signal that could not be computed because its source gave no data is left out (`sources` says why): absent means unknown, as null does.",
    ),
  sources: perSource(sourceStatus),
  waiver: z.object({ reason: z.string(), until: z.string(), expired: z.boolean() }).nullable(),
});

const gatePolicy = z.object({
  failOn: z.array(verdict),
  minHealth: z.number(),
  failOnSeverity: z.enum(gateSeverities).nullable(),
  allowMissing: z.array(source).optional(),
  failOnMajorsBehind: z.number().int().min(1).nullable().optional(),
});

export const resultSchema = z
  .object({
    $schema: z
      .string()
      .describe(
        'This schema, named by its package export ("jenga/result.schema.json"): resolve it from the project jenga is installed in.',
      ),
    schemaVersion: z.literal(1),
    tool: z.object({ name: z.literal("jenga"), version: z.string() }),
    generatedAt: z.iso.datetime(),
    projects: z.array(
      z.object({
        path: z.string(),
        name: z.string(),
        lockfile: z.string().nullable(),
        kind: z.enum(inputKinds),
      }),
    ),
    packages: z.array(packageResult),
    summary: everyKey(verdictNames, z.number().int().min(0)),
    funders: z.array(
      z.object({
        name: z.string(),
        verdict: z.enum(["adopt", "fix"]),
        impact: z.number(),
        health: z.number().nullable(),
        need: z.number(),
        why: z.string(),
      }),
    ),
    notes: z.array(z.string()),
    sources: perSource(
      z.object({ ok: z.number().int().min(0), missing: z.record(z.string(), z.number()) }),
    ),
    config: z.object({ file: z.string().nullable(), gate: gatePolicy }),
  })
  .describe("The JSON result of jenga (schemaVersion 1). Fields may be added, never renamed.");

/**
 * The published JSON Schema (draft-07, as the config's). "input" leaves
 * objects open (see above); `closed` gives every object
 * `additionalProperties: false`, for tests that prove the schema is exact.
 */
export function resultJsonSchema(options: { closed?: boolean } = {}): Record<string, unknown> {
  return z.toJSONSchema(resultSchema, {
    target: "draft-7",
    io: options.closed ? "output" : "input",
    // `.readonly()` mirrors the TypeScript types; it says nothing to a validator.
    override: (context) => {
      delete (context.jsonSchema as { readOnly?: unknown }).readOnly;
    },
  }) as Record<string, unknown>;
}

/** Identical types, optional and readonly modifiers included (mutual assignability misses optional fields). */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// Fails to compile when the schema and JengaResult disagree (see the top of this file).
true satisfies Same<z.infer<typeof resultSchema>, JengaResult>;
