import os from "node:os";
import path from "node:path";
import { analyze } from "../analyze.js";
import { defaultCacheDir } from "../cache/disk-cache.js";
import { UsageError } from "../errors.js";
import type { GatePolicy } from "../gate/gate-policy.js";
import type { PackageSpec } from "../inventory/single-package.js";
import { locateDeclarations } from "../reports/locate-declarations.js";
import { trustedFolder } from "../reports/refuse-links.js";
import { writeFileAt } from "../reports/write-files.js";
import { writeReport } from "../reports/write-report.js";
import { writers } from "../reports/writers.js";
import type { JengaResult } from "../result/types.js";
import { printableLines } from "../util/control-characters.js";
import type { AnalysisOptions, CommonOptions } from "./command-options.js";
import { processTable } from "./process-table.js";
import { createProgress } from "./progress.js";
import { readProjectList } from "./read-project-list.js";
import type { CliIo } from "./run-cli.js";
import { toolVersion } from "./tool-version.js";

/** `jenga analyze`: the analysis, then the HTML report and whatever else the flags ask for. */
export async function runAnalysis(
  paths: string[],
  options: CommonOptions,
  io: CliIo,
  gateOverrides: Partial<GatePolicy> = {},
) {
  refuseSeveralOnStdout(options);
  const { result, progress } = await runAnalysisOnly(paths, options, io);
  // The gate the command line asked for is the one the result records, so it can be re-gated.
  result.config.gate = { ...result.config.gate, ...gateOverrides };
  const outDir = options.out ? path.resolve(io.cwd, options.out) : null;
  if (outDir) await writeReport(outDir, writers.html(result), trustedFolder(io.cwd, outDir));
  await emit(options.json, writers.json(result)["jenga.json"] ?? "", io);
  await emit(options.markdown, writers.markdown(result)["jenga.md"] ?? "", io);
  await emit(options.csv, writers.csv(result)["jenga.csv"] ?? "", io);
  if (options.sarif) {
    // Locations are relative to where jenga runs: the repository root in CI, SARIF's %SRCROOT%.
    const locations = await locateDeclarations(result, io.cwd);
    await emit(options.sarif, writers.sarif(result, locations)["jenga.sarif"] ?? "", io);
  }
  if (!options.quiet)
    io.stderr.write(
      printableLines(progress.summary(result, outDir ? `${outDir}/index.html` : null)),
    );
  return { result, gate: result.config.gate };
}

/**
 * The analysis alone, with progress on stderr: what `explain` and `check` need, and `analyze`
 * builds on. `single`: one package from the registry instead of a project (`check`).
 */
export async function runAnalysisOnly(
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
  const allPaths = options.projects
    ? [...paths, ...(await readProjectList(options.projects, io.cwd))]
    : paths;
  const cacheDir = options.cache
    ? path.resolve(io.cwd, options.cache)
    : defaultCacheDir(io.env, homeDirectory(io.env));
  // Loaded only with --queue: an embedded run never loads BullMQ or a Redis client.
  const queued = options.queue
    ? await (await import("./queue-options.js")).openQueue(options, io, cacheDir, progress)
    : null;
  let result: JengaResult;
  try {
    result = await analyze({
      paths: allPaths,
      cwd: io.cwd,
      env: io.env,
      home: homeDirectory(io.env),
      // Resolved here: the cache would resolve a relative folder against the process's cwd.
      ...(options.cache ? { cacheDir: path.resolve(io.cwd, options.cache) } : {}),
      offline: options.offline ?? false,
      refresh: options.refresh ?? false,
      ...(options.config ? { configFile: options.config } : {}),
      concurrency: options.concurrency,
      git: options.git,
      usage: options.usage,
      advisories: options.advisories,
      ...(options.osv ? { osv: options.osv } : {}),
      ...(single ? { single } : {}),
      toolVersion,
      onProgress: progress.update,
      processes: processTable(),
      ...(queued ? { cache: queued.cache, gather: queued.gather } : {}),
    });
  } finally {
    progress.stop();
    await queued?.close();
  }
  return { result, progress };
}

/**
 * The home folder as the given environment names it, as os.homedir() reads it from the
 * process's own: a run in-process (tests, a host program) must not see the host's HOME.
 */
export function homeDirectory(env: CliIo["env"]): string {
  return (process.platform === "win32" ? env.USERPROFILE : env.HOME) || os.homedir();
}

/** Writes to stdout for `-`, else to a file under cwd, never through a link into elsewhere. */
export async function emit(target: string | undefined, content: string, io: CliIo): Promise<void> {
  if (!target) return;
  if (target === "-") io.stdout.write(content);
  else {
    const file = path.resolve(io.cwd, target);
    await writeFileAt(file, content, trustedFolder(io.cwd, file));
  }
}

/** Two documents on stdout would be one unreadable stream: that is a usage error, before any work. */
function refuseSeveralOnStdout(options: CommonOptions): void {
  const onStdout = (["json", "markdown", "sarif", "csv"] as const).filter(
    (k) => options[k] === "-",
  );
  if (onStdout.length > 1)
    throw new UsageError(
      `only one output can go to stdout, not ${onStdout.map((k) => `--${k} -`).join(" and ")}`,
      [],
      "write the others to files",
    );
}

/** Whether a document goes to stdout (then messages that would share it go to stderr). */
export function documentOnStdout(options: CommonOptions): boolean {
  return [options.json, options.markdown, options.sarif, options.csv].includes("-");
}
