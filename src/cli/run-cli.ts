import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { InputError, UsageError } from "../errors.js";
import { printableLines } from "../util/control-characters.js";
import type {
  CheckOptions,
  CommonOptions,
  DiffOptions,
  ExplainOptions,
  GateOptions,
  RulesOptions,
  WorkerOptions,
} from "./command-options.js";
import { exitCodes } from "./exit-codes.js";
import { toolVersion } from "./tool-version.js";

export { exitCodes };

/** stdout or stderr: a pipe or a file, or a terminal with its width and colours. */
type Terminal = NodeJS.WritableStream & {
  isTTY?: boolean;
  columns?: number;
  hasColors?: () => boolean;
};

/**
 * Everything a run reads from its process, passed in: main.ts gives the real ones, tests
 * give captured streams, a temporary cwd and a minimal env, and run the command in-process.
 */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: Terminal;
  stderr: Terminal;
}

/**
 * analyze()'s own default (src/analyze.ts), repeated so that --help does not load the
 * pipeline; test/cli/lazy-commands.test.ts fails when the two differ.
 */
export const defaultConcurrency = 16;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command("jenga")
    .description("Finds the blocks your software stands on that are about to fall.")
    .version(toolVersion, "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(printableLines(s)),
      writeErr: (s) => io.stderr.write(printableLines(s)),
      // Commander's defaults ask process.stdout and process.env: ask io's streams and env.
      getOutHelpWidth: () => helpWidth(io.stdout),
      getErrHelpWidth: () => helpWidth(io.stderr),
      getOutHasColors: () => hasColors(io.stdout, io.env),
      getErrHasColors: () => hasColors(io.stderr, io.env),
    })
    .addHelpText("after", helpExamples);

  const addPaths = (command: Command) =>
    command.argument(
      "[path...]",
      "project folders, lockfiles or SBOMs (CycloneDX, SPDX) (default: the current folder)",
    );
  // `gate` writes the HTML report only when asked (--out): CI wants the verdict, not a folder.
  const addCommon = (command: Command, outDefault: string | null = "reports") =>
    addAnalysisOptions(
      addPaths(command)
        .option("--out <dir>", "folder for the HTML report", outDefault ?? undefined)
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

  addCommon(program.command("analyze").description("analyze dependencies and write the report"))
    .option("--projects <file>", "more project paths, one a line (a portfolio)")
    .option(
      "--queue <url>",
      "collect through jenga workers on this Redis (redis://HOST:PORT; password: JENGA_REDIS_PASSWORD)",
    )
    .action(async (paths: string[], options: CommonOptions) => {
      // Each command loads its pipeline when it runs: --help and --version stay light.
      const { runAnalysis } = await import("./run-analysis.js");
      await runAnalysis(paths, options, io);
    });
  addCommon(program.command("gate").description("analyze, then exit 1 when the policy fails"), null)
    .option("--baseline <file>", "a previous JSON result: fail only on what is new or worse")
    .option("--fail-on <verdicts>", "verdicts that fail, comma-separated (overrides gate.failOn)")
    .option("--min-health <n>", "fail below this health (overrides gate.minHealth)")
    .option(
      "--fail-on-severity <level>",
      "low, medium, high, critical or off (overrides gate.failOnSeverity)",
    )
    .option(
      "--allow-missing <sources>",
      "sources the gate may run without, comma-separated (overrides gate.allowMissing)",
    )
    .action(async (paths: string[], options: GateOptions) => {
      const { runGate } = await import("./run-gate.js");
      exitCode = await runGate(paths, options, io);
    });
  addAnalysisOptions(
    program
      .command("explain")
      .description(
        "explain one package's verdict with all its evidence, from the last result (reports/jenga.json) or a fresh analysis",
      )
      .argument("<name>", "the package to explain"),
  )
    .argument(
      "[path...]",
      "project folders, lockfiles or SBOMs (CycloneDX, SPDX) (default: the current folder)",
    )
    .option(
      "--result <file>",
      "explain from this JSON result (default: <project>/reports/jenga.json)",
    )
    .action(async (name: string, paths: string[], options: ExplainOptions) => {
      const { runExplain } = await import("./run-explain.js");
      await runExplain(name, paths, options, io);
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
    .action(async (spec: string, options: CheckOptions) => {
      const { runCheck } = await import("./run-check.js");
      await runCheck(spec, options, io);
    });
  program
    .command("diff")
    .description(
      "what changed between two JSON results: new and removed packages, verdicts, health",
    )
    .argument("<old>", "the earlier JSON result (jenga analyze --json FILE)")
    .argument("<new>", "the later JSON result")
    .option(
      "--json <file>",
      "also write the changes as JSON to FILE (- for stdout, instead of text)",
    )
    .option("--markdown <file>", "also write the changes as Markdown to FILE (- for stdout)")
    .action(async (before: string, after: string, options: DiffOptions) => {
      const { runDiff } = await import("./run-diff.js");
      await runDiff(before, after, options, io);
    });
  const addQueueUrl = (command: Command) =>
    command.requiredOption(
      "--queue <url>",
      "the Redis the queue lives on: redis://HOST:PORT (password: JENGA_REDIS_PASSWORD)",
    );
  addQueueUrl(
    program
      .command("worker")
      .description("run collector jobs from the queue until SIGTERM or Ctrl-C (scale-out)"),
  )
    .option(
      "--cache <dir>",
      "folder for this worker's git clones (default: the usual cache folder)",
    )
    .addOption(
      new Option(
        "--concurrency <n>",
        "jobs at once per source queue (default: each queue's own)",
      ).argParser(positiveInt),
    )
    .option("--quiet", "print nothing but errors")
    .action(async (options: WorkerOptions) => {
      const { runWorker } = await import("./run-worker.js");
      await runWorker(options, io);
    });
  addQueueUrl(
    program
      .command("queue")
      .description("the scale-out queue")
      .command("status")
      .description("per source: jobs waiting, running and failed, and why they failed"),
  ).action(async (options: { queue: string }) => {
    const { runQueueStatus } = await import("./run-queue-status.js");
    await runQueueStatus(options, io);
  });
  program
    .command("rules")
    .description("list every scoring rule: what it feeds, its points and health cost, and why")
    .option("--config <file>", "show the rules as this config sets them")
    .option("--json", "print the table as JSON")
    .action(async (options: RulesOptions) => {
      const { runRules } = await import("./run-rules.js");
      await runRules(options, io);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

/** Commander's own rule: a terminal's width, else its default of 80 columns. */
function helpWidth(stream: Terminal): number {
  return (stream.isTTY ? stream.columns : undefined) ?? 80;
}

/** Commander's own rule (NO_COLOR, FORCE_COLOR, CLICOLOR_FORCE, then the terminal), on io. */
function hasColors(stream: Terminal, env: CliIo["env"]): boolean {
  if (env.NO_COLOR || env.FORCE_COLOR === "0" || env.FORCE_COLOR === "false") return false;
  if (env.FORCE_COLOR || env.CLICOLOR_FORCE !== undefined) return true;
  return Boolean(stream.isTTY && stream.hasColors?.());
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

/** What `jenga --help` ends with: the commands people run first, and the exit codes CI reads. */
const helpExamples = `
Examples:
  jenga analyze                         report on the project in this folder (reports/index.html)
  jenga analyze --json - package-lock.json
                                        the JSON result of a lockfile on stdout
  jenga gate --markdown summary.md      exit 1 when the policy fails (jenga.config.json)
  jenga explain left-pad --offline      everything behind one verdict, from the cache
  jenga check left-pad@1.3.0            one package, no project
  jenga rules                           every scoring rule and its points

Exit codes:
  0  done (gate: the policy passed)
  1  gate: the policy failed, or a check could not run (see gate.allowMissing)
  2  bad usage, unreadable or corrupt input, or an internal error
`;
