import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { analyze, defaultConcurrency } from "../analyze.js";
import { InputError, UsageError } from "../errors.js";
import { evaluateGate } from "../gate/evaluate-gate.js";
import { writeFileAt, writeFiles } from "../reports/write-files.js";
import { writers } from "../reports/writers.js";
import type { JengaResult } from "../result/types.js";
import { formatGateTable } from "./format-gate.js";
import { createProgress } from "./progress.js";

export interface CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

/** Exit codes are a contract (DESIGN.md): 0 done, 1 gate failed, 2 bad usage, bad input or a crash. */
export const exitCodes = { ok: 0, gateFailed: 1, error: 2 } as const;

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

interface CommonOptions {
  out: string;
  json?: string;
  markdown?: string;
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

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = new Command("jenga")
    .description("Finds the blocks your software stands on that are about to fall.")
    .version(version, "-V, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  const addCommon = (command: Command) =>
    command
      .argument(
        "[path...]",
        "project folders, lockfiles or CycloneDX SBOMs (default: the current folder)",
      )
      .option("--out <dir>", "folder for the HTML report", "reports")
      .option("--json <file>", "also write the JSON result to FILE (- for stdout)")
      .option("--markdown <file>", "also write a Markdown summary to FILE (- for stdout)")
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
  addCommon(
    program.command("gate").description("analyze, then exit 1 when the policy fails"),
  ).action(async (paths: string[], options: CommonOptions) => {
    const { result, failOn, minHealth } = await runAnalysis(paths, options, io);
    const failures = evaluateGate(result, { failOn, minHealth });
    if (failures.length > 0) {
      io.stdout.write(formatGateTable(failures));
      exitCode = exitCodes.gateFailed;
    } else if (!options.quiet) {
      io.stderr.write("jenga gate: passed\n");
    }
  });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

async function runAnalysis(paths: string[], options: CommonOptions, io: CliIo) {
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
      toolVersion: version,
      onProgress: progress.update,
    });
  } finally {
    progress.stop();
  }
  const outDir = path.resolve(io.cwd, options.out);
  await writeFiles(outDir, writers.html(result));
  await emit(options.json, writers.json(result)["jenga.json"] ?? "", io);
  await emit(options.markdown, writers.markdown(result)["jenga.md"] ?? "", io);
  if (!options.quiet) io.stderr.write(progress.summary(result, `${outDir}/index.html`));
  return { result, ...result.config.gate };
}

async function emit(target: string | undefined, content: string, io: CliIo): Promise<void> {
  if (!target) return;
  if (target === "-") io.stdout.write(content);
  else await writeFileAt(path.resolve(io.cwd, target), content);
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new InvalidArgumentError("must be a whole number from 1 to 256");
  return n;
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here too, successfully.
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.error;
  }
  if (error instanceof InputError) {
    io.stderr.write(`jenga: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ""}`);
    return exitCodes.error;
  }
  if (error instanceof UsageError) {
    io.stderr.write(
      `jenga: ${error.message}\n${error.problems.map((p) => `  - ${p}\n`).join("")}${error.hint ? `hint: ${error.hint}\n` : ""}`,
    );
    return exitCodes.error;
  }
  io.stderr.write(
    `jenga: internal error (a bug: please report it)\n${(error as Error)?.stack ?? String(error)}\n`,
  );
  return exitCodes.error;
}
