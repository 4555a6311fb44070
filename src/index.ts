/**
 * jenga as a library (`import { analyze } from "jenga"`): the same analysis as
 * `jenga analyze`, returning the JSON result instead of writing reports. It
 * never prints and never reads `process`: the caller passes cwd, env and home,
 * so an embedding tool decides which registry, token and cache jenga sees.
 *
 * The result's JSON Schema is `jenga/result.schema.json` and the config's
 * `jenga/config.schema.json` (package exports); every result names the first
 * in its `$schema`.
 */
import { createRequire } from "node:module";
import { type AnalyzeOptions, analyze as analyzeProjects } from "./analyze.js";
import type { JengaResult } from "./result/types.js";

export type { AnalyzeOptions, ProgressEvent } from "./analyze.js";
export type { SourceName, SourceStatus } from "./collectors/types.js";
export type { JengaConfig } from "./config/schema.js";
export type { GatePolicy } from "./gate/gate-policy.js";
export { resultSchemaId } from "./result/result-schema-id.js";
export type {
  FunderCandidate,
  JengaResult,
  JengaResult as Result,
  PackageResult,
  ProjectResult,
  ReasonResult,
} from "./result/types.js";
export type { Action, Verdict } from "./scoring/verdicts.js";
export type { SignalResult, SignalValue } from "./signals/define-signal.js";

/** The installed jenga's version: what `tool.version` of a result says unless the caller overrides it. */
export const version: string = (
  createRequire(import.meta.url)("../package.json") as { version: string }
).version;

/** `analyze`'s options; `toolVersion` defaults to the installed jenga's version. */
export type LibraryAnalyzeOptions = Omit<AnalyzeOptions, "toolVersion"> & {
  toolVersion?: string;
};

/**
 * Analyzes the projects, lockfiles or SBOMs in `options.paths` (relative to
 * `options.cwd`; none: cwd itself) and returns the JSON result. A source that
 * fails becomes its packages' `sources.X` status; bad input throws.
 */
export function analyze(options: LibraryAnalyzeOptions): Promise<JengaResult> {
  return analyzeProjects({ ...options, toolVersion: options.toolVersion ?? version });
}
