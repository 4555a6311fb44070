import { UsageError } from "../errors.js";
import { replaceControlCharacters } from "../util/control-characters.js";
import type { AnalysisOptions } from "./command-options.js";
import { didYouMean } from "./did-you-mean.js";
import { formatExplain } from "./format-explain.js";
import { runAnalysisOnly } from "./run-analysis.js";
import type { CliIo } from "./run-cli.js";

/** `jenga explain <name>`: analyze, then one package's verdict with all its evidence. */
export async function runExplain(
  name: string,
  paths: string[],
  options: AnalysisOptions,
  io: CliIo,
): Promise<void> {
  const { result } = await runAnalysisOnly(paths, options, io);
  const found = result.packages.find((p) => p.name === name);
  if (!found) {
    const close = didYouMean(
      name,
      result.packages.map((p) => p.name),
    );
    throw new UsageError(
      `no package named "${replaceControlCharacters(name)}" among the ${result.packages.length} packages analyzed`,
      [],
      close.length > 0
        ? `did you mean ${close.map((n) => replaceControlCharacters(n)).join(", ")}?`
        : "jenga explain takes a package name as it appears in the lockfile, e.g. @scope/name",
    );
  }
  io.stdout.write(formatExplain(found));
}
