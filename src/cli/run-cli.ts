import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { analyze, defaultConcurrency } from "../analyze.js";
import { loadConfig } from "../config/load-config.js";
import { InputError, UsageError } from "../errors.js";
import { compareBaseline } from "../gate/compare-baseline.js";
import { evaluateGate, uncheckedRules } from "../gate/evaluate-gate.js";
import { type PackageSpec, parsePackageSpec } from "../inventory/single-package.js";
import { locateDeclarations } from "../reports/locate-declarations.js";
import { trustedFolder } from "../reports/refuse-links.js";
import { writeFileAt } from "../reports/write-files.js";
import { writeReport } from "../reports/write-report.js";
import { writers } from "../reports/writers.js";
import type { JengaResult } from "../result/types.js";
import { ruleTable } from "../scoring/rule-table.js";
import { printableLines, replaceControlCharacters } from "../util/control-characters.js";
import { didYouMean } from "./did-you-mean.js";
import { formatExplain } from "./format-explain.js";
import { formatGateTable } from "./format-gate.js";
import { formatRules } from "./format-rules.js";
import { createProgress } from "./progress.js";
import { readBaseline } from "./read-baseline.js";

export interface CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/** Exit codes are a contract (DESIGN.md): 0 done, 1 gate failed, 2 bad usage, bad input or a crash. */
export const exitCodes = { ok: 0, gateFailed: 1, error: 2 } as const;

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

/** Flags of every command that runs the analysis. */
interface AnalysisOptions {
  offline?: boolean;
  refresh?: boolean;
  cache?: string;
  config?: string;
  concurrency: number;
  git: boolean;
  usage: boolean;
  advisories: boolean;
  osv?: string;
  quiet?: boolean;
}

/** `analyze` and `gate` also write reports. */
interface CommonOptions extends AnalysisOptions {
  out: string;
  json?: string;
  markdown?: string;
  sarif?: string;
  csv?: string;
}

interface GateOptions extends CommonOptions {
  baseline?: string;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command("jenga")
    .description("Finds the blocks your software stands on that are about to fall.")
    .version(version, "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(printableLines(s)),
      writeErr: (s) => io.stderr.write(printableLines(s)),
    });

  const addPaths = (command: Command) =>
    command.argument(
      "[path...]",
      "project folders, lockfiles or CycloneDX SBOMs (default: the current folder)",
    );
  const addCommon = (command: Command) =>
    addAnalysisOptions(
      addPaths(command)
        .option("--out <dir>", "folder for the HTML report", "reports")
        .option("--json <file>", "also write the JSON result to FILE (- for stdout)")
        .option("--markdown <file>", "also write a Markdown summary to FILE (- for stdout)")
        .option("--sarif <file>", "also write a SARIF 2.1.0 log to FILE (- for stdout)")
        .option("--csv <file>", "also write one CSV row per package to FILE (- for stdout)"),
    );
  const addAnalysisOptions = (command: Command) =>
    command
      .option("--offline", "use the cache only; never touch the network")
      .option("--refresh", "ignore the cache and fetch everything again")
      .option("--cache <dir>", "cache folder (default: $XDG_CACHE_HOME/jenga or ~/.cache/jenga)")
      .option(
        "--config <file>",
        "config file (default: jenga.config.json or the jenga key of package.json)",
      )
      .addOption(
        new Option("--concurrency <n>", "parallel network requests")
          .default(defaultConcurrency)
          .argParser(positiveInt),
      )
      .option("--no-git", "do not read git history")
      .option("--no-usage", "do not analyze code usage")
      .option("--no-advisories", "do not look up vulnerability advisories")
      .option("--osv <path>", "an OSV export folder or zip to read advisories from")
      .option("--quiet", "no progress on stderr");

  addCommon(
    program.command("analyze").description("analyze dependencies and write the report"),
  ).action(async (paths: string[], options: CommonOptions) => {
    await runAnalysis(paths, options, io);
  });
  addCommon(program.command("gate").description("analyze, then exit 1 when the policy fails"))
    .option("--baseline <file>", "a previous JSON result: fail only on what is new or worse")
    .action(async (paths: string[], options: GateOptions) => {
      // Read the baseline first: a bad one should not cost a whole analysis.
      const baseline = options.baseline ? await readBaseline(options.baseline, io.cwd) : null;
      const { result, gate } = await runAnalysis(paths, options, io);
      const failures = baseline
        ? reportKnown(compareBaseline(result, baseline, gate), options, io)
        : evaluateGate(result, gate);
      const unchecked = uncheckedRules(result, gate);
      if (failures.length > 0 || unchecked.length > 0) {
        io.stdout.write(formatGateTable(failures, unchecked));
        exitCode = exitCodes.gateFailed;
      } else if (!options.quiet) {
        io.stderr.write("jenga gate: passed\n");
      }
    });
  addAnalysisOptions(
    program
      .command("explain")
      .description("analyze, then explain one package's verdict with all its evidence")
      .argument("<name>", "the package to explain"),
  )
    .argument(
      "[path...]",
      "project folders, lockfiles or CycloneDX SBOMs (default: the current folder)",
    )
    .action(async (name: string, paths: string[], options: AnalysisOptions) => {
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
    });

  addAnalysisOptions(
    program
      .command("check")
      .description("judge one package with every source, no project: print its verdict card")
      .argument("<package>", "name, name@version, name@range, name@tag or pkg:npm/name@version"),
  )
    .option(
      "--json <file>",
      "also write the JSON result to FILE (- for stdout, instead of the card)",
    )
    .action(async (spec: string, options: AnalysisOptions & { json?: string }) => {
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
    });
  program
    .command("rules")
    .description("list every scoring rule: what it feeds, its points and health cost, and why")
    .option("--config <file>", "show the rules as this config sets them")
    .option("--json", "print the table as JSON")
    .action(async (options: { config?: string; json?: boolean }) => {
      const loaded = await loadConfig({
        ...(options.config ? { file: path.resolve(io.cwd, options.config) } : {}),
        projectDir: io.cwd,
      });
      const rows = ruleTable(loaded.policy);
      io.stdout.write(options.json ? `${JSON.stringify(rows, null, 2)}\n` : formatRules(rows));
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
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

async function runAnalysis(paths: string[], options: CommonOptions, io: CliIo) {
  const { result, progress } = await runAnalysisOnly(paths, options, io);
  const outDir = path.resolve(io.cwd, options.out);
  await writeReport(outDir, writers.html(result), trustedFolder(io.cwd, outDir));
  await emit(options.json, writers.json(result)["jenga.json"] ?? "", io);
  await emit(options.markdown, writers.markdown(result)["jenga.md"] ?? "", io);
  await emit(options.csv, writers.csv(result)["jenga.csv"] ?? "", io);
  if (options.sarif) {
    // Locations are relative to where jenga runs: the repository root in CI, SARIF's %SRCROOT%.
    const locations = await locateDeclarations(result, io.cwd);
    await emit(options.sarif, writers.sarif(result, locations)["jenga.sarif"] ?? "", io);
  }
  if (!options.quiet)
    io.stderr.write(printableLines(progress.summary(result, `${outDir}/index.html`)));
  return { result, gate: result.config.gate };
}

async function runAnalysisOnly(
  paths: string[],
  options: AnalysisOptions,
  io: CliIo,
  single?: PackageSpec,
): Promise<{ result: JengaResult; progress: ReturnType<typeof createProgress> }> {
  if (options.offline && options.refresh)
    throw new UsageError("--offline and --refresh cannot be used together");
  const progress = createProgress({
    stream: io.stderr,
    quiet: options.quiet ?? false,
    env: io.env,
  });
  let result: JengaResult;
  try {
    result = await analyze({
      paths,
      cwd: io.cwd,
      env: io.env,
      home: os.homedir(),
      ...(options.cache ? { cacheDir: options.cache } : {}),
      offline: options.offline ?? false,
      refresh: options.refresh ?? false,
      ...(options.config ? { configFile: options.config } : {}),
      concurrency: options.concurrency,
      git: options.git,
      usage: options.usage,
      advisories: options.advisories,
      ...(options.osv ? { osv: options.osv } : {}),
      ...(single ? { single } : {}),
      toolVersion: version,
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
  }
  return { result, progress };
}

async function emit(target: string | undefined, content: string, io: CliIo): Promise<void> {
  if (!target) return;
  if (target === "-") io.stdout.write(content);
  else {
    const file = path.resolve(io.cwd, target);
    await writeFileAt(file, content, trustedFolder(io.cwd, file));
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new InvalidArgumentError("must be a whole number from 1 to 256");
  return n;
}

function reportError(error: unknown, io: CliIo): number {
  const print = (text: string) => io.stderr.write(printableLines(text));
  if (error instanceof CommanderError) {
    // --help and --version end through here too, successfully.
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.error;
  }
  if (error instanceof InputError) {
    print(`jenga: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ""}`);
    return exitCodes.error;
  }
  if (error instanceof UsageError) {
    print(
      `jenga: ${error.message}\n${error.problems.map((p) => `  - ${p}\n`).join("")}${error.hint ? `hint: ${error.hint}\n` : ""}`,
    );
    return exitCodes.error;
  }
  print(
    `jenga: internal error (a bug: please report it)\n${(error as Error)?.stack ?? String(error)}\n`,
  );
  return exitCodes.error;
}
