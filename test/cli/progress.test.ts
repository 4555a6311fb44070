import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgress, type StageProgress } from "../../src/cli/progress.js";

/** A stderr stand-in that keeps what was written; `isTTY` as a terminal or a CI log would say. */
function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = isTTY;
  stream.columns = 120;
  return { stream, text: () => chunks.join("") };
}

/** The events of a run: a one-shot inventory, then registry and git package by package. */
function run(total: number): StageProgress[] {
  const events: StageProgress[] = [{ stage: "inventory", done: total, total }];
  for (const stage of ["registry", "git"])
    for (let done = 1; done <= total; done++)
      events.push({ stage, done, total, name: `pkg-${done}` });
  return events;
}

const env = { NO_COLOR: "1" };

describe("progress on stderr", () => {
  it("prints a few plain lines per stage, any stage, when stderr is not a terminal", () => {
    const { stream, text } = fakeStream(false);
    const progress = createProgress({ stream, quiet: false, env });
    for (const event of run(40)) progress.update(event);
    progress.stop();
    const lines = text().trimEnd().split("\n");
    expect(lines[0]).toBe("jenga: inventory: 40 packages");
    const git = lines.filter((l) => l.startsWith("jenga: git "));
    // The first step, then one line per tenth: 4/40, 8/40, … 40/40.
    expect(git).toEqual([
      "jenga: git 1/40",
      ...Array.from({ length: 10 }, (_, i) => `jenga: git ${(i + 1) * 4}/40`),
    ]);
    expect(lines.filter((l) => l.startsWith("jenga: registry "))).toHaveLength(11);
    expect(text()).not.toContain("\u001b");
  });

  it("draws one bar per stage on a terminal, each cleared when its stage is done", () => {
    const { stream, text } = fakeStream(true);
    const progress = createProgress({ stream, quiet: false, env });
    for (const event of run(5)) progress.update(event);
    progress.stop();
    const out = text();
    // The one-shot inventory is not animated; registry and git each get their own bar.
    expect(out).not.toContain("inventory");
    expect(out).toMatch(/registry +\[[^\]]*\] \d\/5 packages/);
    expect(out).toMatch(/git +\[[^\]]*\] \d\/5 packages/);
    expect(out.search(/registry +\[/)).toBeLessThan(out.search(/git +\[/));
    expect(out).not.toContain("jenga: git");
  });

  it("keeps a hostile package name from writing escape sequences to the terminal", () => {
    const { stream, text } = fakeStream(true);
    const progress = createProgress({ stream, quiet: false, env });
    progress.update({ stage: "git", done: 1, total: 2, name: "evil\u001b]0;pwned\u0007" });
    progress.stop();
    expect(text()).not.toContain("\u001b]0;");
    expect(text()).toContain("evil?]0;pwned?");
  });

  it("prints nothing with --quiet", () => {
    const { stream, text } = fakeStream(true);
    const progress = createProgress({ stream, quiet: true, env });
    for (const event of run(3)) progress.update(event);
    progress.stop();
    expect(text()).toBe("");
  });
});
