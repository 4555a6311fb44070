import cliProgress from "cli-progress";
import { sourceGaps } from "../reports/source-gaps.js";
import type { JengaResult } from "../result/types.js";
import { verdictNames } from "../scoring/verdicts.js";

/** Plain (non-TTY) progress prints at most this many lines per stage, plus its first: CI logs stay short. */
const plainSteps = 10;
/** How often a terminal's bars are redrawn at most: often enough to look live, rarely enough to cost nothing. */
const redrawMs = 100;
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
 * Progress on stderr: a live bar per running stage with counts and ETA on a terminal,
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
  // Sources overlap (git, advisories, issues and usage run together once the registry has
  // answered), so a terminal shows one bar per running stage, each removed when it completes.
  let multi: cliProgress.MultiBar | null = null;
  const bars = new Map<string, cliProgress.SingleBar>();
  /** Per stage: the last plain step printed, so each stage gets its own few lines. */
  const plainStep = new Map<string, number>();
  const write = (s: string) => options.stream.write(s);
  let lastDrawn = 0;

  const barFor = (event: StageProgress): cliProgress.SingleBar => {
    const existing = bars.get(event.stage);
    if (existing) return existing;
    multi ??= new cliProgress.MultiBar(
      {
        stream: options.stream,
        format: "{stage} [{bar}] {value}/{total} packages | ETA {eta_formatted} | {name}",
        hideCursor: true,
        clearOnComplete: true,
        // A long window keeps the ETA steady when fast cache hits and slow clones alternate.
        etaBuffer: 200,
        etaAsynchronousUpdate: true,
      },
      cliProgress.Presets.shades_classic,
    );
    const bar = multi.create(event.total, 0, {
      stage: printable(event.stage).padEnd(10),
      name: "",
    });
    bars.set(event.stage, bar);
    return bar;
  };

  const stopBars = () => {
    multi?.stop();
    multi = null;
    bars.clear();
  };

  return {
    update(event) {
      if (options.quiet) return;
      const first = !plainStep.has(event.stage) && !bars.has(event.stage);
      if (first && event.done >= event.total) {
        // A one-shot stage (the inventory, a source that is off): nothing to animate.
        plainStep.set(event.stage, plainSteps);
        if (!tty) write(`jenga: ${printable(event.stage)}: ${count(event.total)}\n`);
        return;
      }
      if (tty) {
        const fresh = !bars.has(event.stage);
        const bar = barFor(event);
        plainStep.set(event.stage, 0);
        bar.update(event.done, { name: printable(event.name ?? "") });
        // The multi-bar redraws on its own timer; a new bar, and then a few times a second, now.
        const at = Date.now();
        if (fresh || at - lastDrawn >= redrawMs) {
          lastDrawn = at;
          multi?.update();
        }
        if (event.done >= event.total) {
          multi?.remove(bar);
          bars.delete(event.stage);
          if (bars.size === 0) stopBars();
        }
        return;
      }
      const step = Math.floor((event.done / Math.max(1, event.total)) * plainSteps);
      if (step !== plainStep.get(event.stage)) {
        plainStep.set(event.stage, step);
        write(`jenga: ${printable(event.stage)} ${event.done}/${event.total}\n`);
      }
    },
    stop() {
      stopBars();
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
