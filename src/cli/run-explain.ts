import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import type { JengaResult } from "../result/types.js";
import { replaceControlCharacters } from "../util/control-characters.js";
import type { ExplainOptions } from "./command-options.js";
import { didYouMean } from "./did-you-mean.js";
import { formatExplain } from "./format-explain.js";
import { readBaseline } from "./read-baseline.js";
import { runAnalysisOnly } from "./run-analysis.js";
import type { CliIo } from "./run-cli.js";

/** `jenga explain <name>`: analyze, then one package's verdict with all its evidence. */
export async function runExplain(
  name: string,
  paths: string[],
  options: ExplainOptions,
  io: CliIo,
): Promise<void> {
  const last = await lastResult(paths, options, io);
  const result = last ?? (await runAnalysisOnly(paths, options, io)).result;
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

/**
 * The last analysis of the project: `--result FILE`, else the `jenga.json` its report folder
 * holds. Explaining reads it and needs no network; `--refresh` analyzes again.
 */
async function lastResult(
  paths: string[],
  options: ExplainOptions,
  io: CliIo,
): Promise<JengaResult | null> {
  if (options.refresh) return null;
  const file = options.result ?? defaultResultFile(paths, io.cwd);
  if (!file) return null;
  const result = await readBaseline(file, io.cwd);
  if (!options.quiet)
    io.stderr.write(
      `jenga: explaining from ${replaceControlCharacters(file)} (analyzed ${result.generatedAt}); --refresh analyzes again\n`,
    );
  return result;
}

function defaultResultFile(paths: string[], cwd: string): string | null {
  const first = path.resolve(cwd, paths[0] ?? ".");
  const project = existsSync(first) && statSync(first).isDirectory() ? first : path.dirname(first);
  const file = path.join(project, "reports", "jenga.json");
  return existsSync(file) ? path.relative(cwd, file) || file : null;
}
