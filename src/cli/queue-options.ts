import { UsageError } from "../errors.js";
import type { QueuedAnalysis } from "../queue/queued-analysis.js";
import { openQueuedAnalysis } from "../queue/queued-analysis.js";
import { printableLines } from "../util/control-characters.js";
import type { AnalysisOptions } from "./command-options.js";
import type { Progress } from "./progress.js";
import { homeDirectory } from "./run-analysis.js";
import type { CliIo } from "./run-cli.js";
import { toolVersion } from "./tool-version.js";

/**
 * `analyze --queue URL`: the shared cache and the enqueue-and-wait hook for analyze(),
 * with the queue's progress on stderr. Imported only when --queue is given.
 */
export async function openQueue(
  options: AnalysisOptions,
  io: CliIo,
  cacheDir: string,
  progress: Progress,
): Promise<QueuedAnalysis> {
  // Workers fetch whatever the shared cache lacks; "never touch the network" and "ignore
  // the cache" are questions for an embedded run.
  if (options.offline) throw new UsageError("--queue and --offline cannot be used together");
  if (options.refresh) throw new UsageError("--queue and --refresh cannot be used together");
  return openQueuedAnalysis({
    url: options.queue as string,
    cacheDir,
    now: () => new Date(),
    cwd: io.cwd,
    env: io.env,
    toolVersion,
    home: homeDirectory(io.env),
    // --osv names a local export: read here, from the file, never queued.
    flags: {
      git: options.git !== false,
      advisories: options.advisories !== false,
      ...(options.osv ? { osv: options.osv } : {}),
    },
    onProgress: progress.update,
    onNotice: (text) => {
      if (!options.quiet) io.stderr.write(printableLines(`jenga: ${text}\n`));
    },
  });
}
