import { compareBaseline } from "../gate/compare-baseline.js";
import { evaluateGate, uncheckedRules } from "../gate/evaluate-gate.js";
import type { GateOptions } from "./command-options.js";
import { exitCodes } from "./exit-codes.js";
import { formatGateTable } from "./format-gate.js";
import { readBaseline } from "./read-baseline.js";
import { runAnalysis } from "./run-analysis.js";
import type { CliIo } from "./run-cli.js";

/** `jenga gate`: analyze, then exit 1 with a table when the policy fails. */
export async function runGate(paths: string[], options: GateOptions, io: CliIo): Promise<number> {
  // Read the baseline first: a bad one should not cost a whole analysis.
  const baseline = options.baseline ? await readBaseline(options.baseline, io.cwd) : null;
  const { result, gate } = await runAnalysis(paths, options, io);
  const failures = baseline
    ? reportKnown(compareBaseline(result, baseline, gate), options, io)
    : evaluateGate(result, gate);
  const unchecked = uncheckedRules(result, gate);
  if (failures.length > 0 || unchecked.length > 0) {
    io.stdout.write(formatGateTable(failures, unchecked));
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
