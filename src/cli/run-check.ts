import { UsageError } from "../errors.js";
import { parsePackageSpec } from "../inventory/single-package.js";
import { writers } from "../reports/writers.js";
import { replaceControlCharacters } from "../util/control-characters.js";
import type { CheckOptions } from "./command-options.js";
import { formatExplain } from "./format-explain.js";
import { emit, runAnalysisOnly } from "./run-analysis.js";
import type { CliIo } from "./run-cli.js";

/** `jenga check <package>`: one package through every source, no project; its verdict card. */
export async function runCheck(spec: string, options: CheckOptions, io: CliIo): Promise<void> {
  const single = parsePackageSpec(spec);
  const { result } = await runAnalysisOnly([], options, io, single);
  const found = result.packages[0];
  if (!found) throw new UsageError(`"${replaceControlCharacters(spec)}" was not analyzed`);
  if (/^unavailable: 404\b/.test(found.sources.registry))
    throw new UsageError(
      `no package named "${replaceControlCharacters(single.name)}" in the registry`,
      [],
      "check the spelling, or the registry in your npm configuration",
    );
  if (options.json !== "-") io.stdout.write(formatExplain(found));
  await emit(options.json, writers.json(result)["jenga.json"] ?? "", io);
}
