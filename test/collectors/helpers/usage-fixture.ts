import path from "node:path";
import type { UsageAnalysis } from "../../../src/collectors/usage/analyze-usage.js";
import { analyzeProject } from "../../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../../src/collectors/usage/limits.js";

/** Analyzes `test/fixtures/usage/<name>` as `jenga analyze` would. */
export async function analyzeFixture(name: string): Promise<UsageAnalysis> {
  const dir = path.resolve(import.meta.dirname, "../../fixtures/usage", name);
  const analysis = await analyzeProject(dir, usageLimits);
  if (!analysis) throw new Error(`no analysis for ${name}`);
  return analysis;
}

/** Each package's class, by name, sorted: the whole list, so a stray package fails the test. */
export function classes(analysis: UsageAnalysis): Record<string, string> {
  const sorted = [...analysis.packages].sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(sorted.map(([name, usage]) => [name, usage.class]));
}

/** `file:line` of each site of a package. */
export function sitesOf(analysis: UsageAnalysis, name: string): string[] {
  return (analysis.packages.get(name)?.sites ?? []).map((s) => `${s.file}:${s.line}`);
}
