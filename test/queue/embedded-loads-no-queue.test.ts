import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = path.resolve(import.meta.dirname, "../../src");

/** Packages reached through static value imports from `entry` (dynamic import() is not followed). */
function staticPackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+"([^"]+)";/gms)) {
      const spec = m[1] as string;
      if (spec.startsWith("."))
        visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, ".ts")));
      else packages.add(spec);
    }
  };
  visit(entry);
  return packages;
}

describe("the embedded run never loads the queue", () => {
  it("analyze, gate, explain and check reach neither bullmq nor ioredis without --queue", () => {
    for (const entry of [
      "cli/run-analysis.ts",
      "cli/run-gate.ts",
      "cli/run-explain.ts",
      "cli/run-check.ts",
      "index.ts",
    ]) {
      const packages = staticPackages(path.join(src, entry));
      expect(packages.has("bullmq"), entry).toBe(false);
      expect(packages.has("ioredis"), entry).toBe(false);
    }
  });

  it("the queue path does load them", () => {
    const packages = staticPackages(path.join(src, "cli/queue-options.ts"));
    expect(packages.has("bullmq")).toBe(true);
    expect(packages.has("ioredis")).toBe(true);
  });
});
