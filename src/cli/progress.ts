import cliProgress from "cli-progress";
import type { ProgressEvent } from "../analyze.js";
import type { JengaResult } from "../result/types.js";
import { verdictNames } from "../scoring/verdicts.js";

/** Plain (non-TTY) progress prints at most this many lines per stage: CI logs stay short. */
const plainSteps = 10;

export interface Progress {
  update(event: ProgressEvent): void;
  stop(): void;
  summary(result: JengaResult, reportPath: string): string;
}

/**
 * Progress on stderr: a live bar with counts and ETA on a terminal, a few
 * plain lines otherwise, nothing with --quiet. Colour only on a terminal
 * and never when NO_COLOR is set (https://no-color.org).
 */
export function createProgress(options: {
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  quiet: boolean;
  env: NodeJS.ProcessEnv;
}): Progress {
  const tty = options.stream.isTTY === true && options.env.TERM !== "dumb";
  const color = tty && !options.env.NO_COLOR;
  let bar: cliProgress.SingleBar | null = null;
  let lastPlain = -1;
  const write = (s: string) => options.stream.write(s);

  return {
    update(event) {
      if (options.quiet) return;
      if (event.stage !== "registry") {
        if (!tty) write(`jenga: ${event.stage}: ${event.total} packages\n`);
        return;
      }
      if (tty) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            {
              stream: options.stream,
              format: "registry [{bar}] {value}/{total} packages | ETA {eta_formatted} | {name}",
              hideCursor: true,
              clearOnComplete: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(event.total, 0, { name: "" });
        }
        bar.update(event.done, { name: event.name ?? "" });
        return;
      }
      const step = Math.floor((event.done / Math.max(1, event.total)) * plainSteps);
      if (step !== lastPlain) {
        lastPlain = step;
        write(`jenga: registry ${event.done}/${event.total}\n`);
      }
    },
    stop() {
      (bar as cliProgress.SingleBar | null)?.stop();
      bar = null;
    },
    summary(result, reportPath) {
      const paint = (verdict: string, text: string) =>
        color ? `${colors[verdict] ?? ""}${text}\u001b[0m` : text;
      const counts = verdictNames.map((v) => paint(v, `${v} ${result.summary[v]}`)).join(" · ");
      const notes = result.notes.map((n) => `note: ${n}\n`).join("");
      return `jenga: ${result.packages.length} packages: ${counts}\n${notes}report: ${reportPath}\n`;
    },
  };
}

const colors: Record<string, string> = {
  keep: "\u001b[32m",
  fix: "\u001b[33m",
  adopt: "\u001b[35m",
  rewrite: "\u001b[34m",
  sunset: "\u001b[31m",
};
