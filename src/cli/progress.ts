import cliProgress from "cli-progress";
import { sourceGaps } from "../reports/source-gaps.js";
import type { JengaResult } from "../result/types.js";
import { verdictNames } from "../scoring/verdicts.js";

/** Plain (non-TTY) progress prints at most this many lines per stage, plus its first: CI logs stay short. */
const plainSteps = 10;
/** Package names are strangers' text: the bar shows at most this much of one. */
const maxNameChars = 60;

/**
 * One step of any stage of a run ("inventory", "registry", "git", …): the
 * same shape as analyze()'s ProgressEvent, with the stage left open so a new
 * stage shows up without a change here.
 */
export interface StageProgress {
  stage: string;
  done: number;
  total: number;
  name?: string;
}

export interface Progress {
  update(event: StageProgress): void;
  stop(): void;
  /** `reportPath` null: no HTML report was written (gate without --out). */
  summary(result: JengaResult, reportPath: string | null): string;
}

/**
 * Progress on stderr: a live bar per stage with counts and ETA on a terminal,
 * a few plain lines per stage otherwise, nothing with --quiet. A stage whose
 * first event is already complete (the inventory, say) is one line, or
 * nothing on a terminal. Colour only on a terminal and never when NO_COLOR is
 * set (https://no-color.org).
 */
export function createProgress(options: {
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  quiet: boolean;
  env: NodeJS.ProcessEnv;
}): Progress {
  const tty = options.stream.isTTY === true && options.env.TERM !== "dumb";
  const color = tty && !options.env.NO_COLOR;
  let bar: { stage: string; bar: cliProgress.SingleBar } | null = null;
  /** Per stage: the last plain step printed, so each stage gets its own few lines. */
  const plainStep = new Map<string, number>();
  const write = (s: string) => options.stream.write(s);

  const stopBar = () => {
    bar?.bar.stop();
    bar = null;
  };

  const startBar = (event: StageProgress) => {
    const stage = printable(event.stage);
    const single = new cliProgress.SingleBar(
      {
        stream: options.stream,
        format: `${stage} [{bar}] {value}/{total} packages | ETA {eta_formatted} | {name}`,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    single.start(event.total, 0, { name: "" });
    bar = { stage: event.stage, bar: single };
    return single;
  };

  return {
    update(event) {
      if (options.quiet) return;
      const first = !plainStep.has(event.stage) && bar?.stage !== event.stage;
      if (first && event.done >= event.total) {
        // A one-shot stage: nothing to animate.
        plainStep.set(event.stage, plainSteps);
        if (!tty) write(`jenga: ${printable(event.stage)}: ${count(event.total)}\n`);
        return;
      }
      if (tty) {
        if (bar?.stage !== event.stage) stopBar();
        const single = bar?.bar ?? startBar(event);
        plainStep.set(event.stage, 0);
        single.update(event.done, { name: printable(event.name ?? "") });
        if (event.done >= event.total) stopBar();
        return;
      }
      const step = Math.floor((event.done / Math.max(1, event.total)) * plainSteps);
      if (step !== plainStep.get(event.stage)) {
        plainStep.set(event.stage, step);
        write(`jenga: ${printable(event.stage)} ${event.done}/${event.total}\n`);
      }
    },
    stop() {
      stopBar();
    },
    summary(result, reportPath) {
      const paint = (verdict: string, text: string) =>
        color ? `${colors[verdict] ?? ""}${text}\u001b[0m` : text;
      const counts = verdictNames.map((v) => paint(v, `${v} ${result.summary[v]}`)).join(" · ");
      const gaps = sourceGaps(result)
        .map((g) => `sources: ${g}\n`)
        .join("");
      const notes = result.notes.map((n) => `note: ${n}\n`).join("");
      const report = reportPath ? `report: ${reportPath}\n` : "";
      return `jenga: ${result.packages.length} packages: ${counts}\n${gaps}${notes}${report}`;
    },
  };
}

function count(n: number): string {
  return n === 1 ? "1 package" : `${n} packages`;
}

/** No escape sequences from a package name reach the terminal, and no name floods the line. */
function printable(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, "?");
  return clean.length > maxNameChars ? `${clean.slice(0, maxNameChars - 1)}…` : clean;
}

const colors: Record<string, string> = {
  keep: "\u001b[32m",
  fix: "\u001b[33m",
  adopt: "\u001b[35m",
  rewrite: "\u001b[34m",
  sunset: "\u001b[31m",
};
