import { sourceNames } from "../collectors/sources.js";
import type { SourceName } from "../collectors/types.js";
import { UsageError } from "../errors.js";
import { compareBaseline } from "../gate/compare-baseline.js";
import { evaluateGate, uncheckedRules } from "../gate/evaluate-gate.js";
import type { GatePolicy } from "../gate/gate-policy.js";
import { type GateSeverity, gateSeverities } from "../scoring/policy.js";
import { type Verdict, verdictNames } from "../scoring/verdicts.js";
import type { GateOptions } from "./command-options.js";
import { exitCodes } from "./exit-codes.js";
import { formatGateTable } from "./format-gate.js";
import { readBaseline } from "./read-baseline.js";
import { documentOnStdout, runAnalysis } from "./run-analysis.js";
import type { CliIo } from "./run-cli.js";

/** `jenga gate`: analyze, then exit 1 with a table when the policy fails. */
export async function runGate(paths: string[], options: GateOptions, io: CliIo): Promise<number> {
  // Read the baseline first: a bad one should not cost a whole analysis.
  const baseline = options.baseline ? await readBaseline(options.baseline, io.cwd) : null;
  const { result, gate } = await runAnalysis(paths, options, io, gateOverrides(options));
  const failures = baseline
    ? reportKnown(compareBaseline(result, baseline, gate), options, io)
    : evaluateGate(result, gate);
  const unchecked = uncheckedRules(result, gate);
  if (failures.length > 0 || unchecked.length > 0) {
    // A document on stdout (--json -, say) stays parseable: the table goes to stderr then.
    const table = documentOnStdout(options) ? io.stderr : io.stdout;
    table.write(formatGateTable(failures, unchecked));
    return exitCodes.gateFailed;
  }
  if (!options.quiet) io.stderr.write("jenga gate: passed\n");
  return exitCodes.ok;
}

/** Known failures are not failures with a baseline, but the user should know they exist. */
function reportKnown(
  comparison: ReturnType<typeof compareBaseline>,
  options: GateOptions,
  io: CliIo,
) {
  if (comparison.known > 0 && !options.quiet)
    io.stderr.write(
      `jenga gate: ${comparison.known} failing package${comparison.known === 1 ? "" : "s"} already in the baseline, not counted\n`,
    );
  return comparison.failures;
}

/** The gate flags, checked like the config's keys: a bad value is a usage error (exit 2). */
function gateOverrides(options: GateOptions): Partial<GatePolicy> {
  const overrides: Partial<GatePolicy> = {};
  if (options.failOn !== undefined) {
    const verdicts = listOf(options.failOn);
    const bad = verdicts.filter((v) => !(verdictNames as string[]).includes(v));
    if (bad.length > 0)
      throw new UsageError(
        `--fail-on: not a verdict: ${bad.join(", ")}`,
        [],
        `one of ${verdictNames.join(", ")}`,
      );
    overrides.failOn = verdicts as Verdict[];
  }
  if (options.minHealth !== undefined) {
    const health = Number(options.minHealth);
    if (!Number.isFinite(health) || health < 0 || health > 100)
      throw new UsageError(`--min-health: not a health from 0 to 100: ${options.minHealth}`);
    overrides.minHealth = health;
  }
  if (options.failOnSeverity !== undefined) {
    const level = options.failOnSeverity;
    if (level !== "off" && !(gateSeverities as readonly string[]).includes(level))
      throw new UsageError(
        `--fail-on-severity: not a severity: ${level}`,
        [],
        `one of ${gateSeverities.join(", ")}, or off`,
      );
    overrides.failOnSeverity = level === "off" ? null : (level as GateSeverity);
  }
  if (options.allowMissing !== undefined) {
    const sources = listOf(options.allowMissing);
    const bad = sources.filter((s) => !(sourceNames as string[]).includes(s));
    if (bad.length > 0)
      throw new UsageError(
        `--allow-missing: not a source: ${bad.join(", ")}`,
        [],
        `one of ${sourceNames.join(", ")}`,
      );
    overrides.allowMissing = sources as SourceName[];
  }
  return overrides;
}

function listOf(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
