import { diffResults } from "../diff/diff-results.js";
import { formatDiffMarkdown, formatDiffText } from "../diff/format-diff.js";
import type { DiffOptions } from "./command-options.js";
import { readBaseline } from "./read-baseline.js";
import { emit } from "./run-analysis.js";
import type { CliIo } from "./run-cli.js";

/** `jenga diff OLD NEW`: what changed between two JSON results. */
export async function runDiff(
  before: string,
  after: string,
  options: DiffOptions,
  io: CliIo,
): Promise<void> {
  const diff = diffResults(await readBaseline(before, io.cwd), await readBaseline(after, io.cwd));
  if (options.json !== "-" && options.markdown !== "-") io.stdout.write(formatDiffText(diff));
  await emit(options.json, `${JSON.stringify(diff, null, 2)}\n`, io);
  await emit(options.markdown, formatDiffMarkdown(diff), io);
}
