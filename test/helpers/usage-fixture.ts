import path from "node:path";
import type { UsageAnalysis } from "../../src/collectors/usage/analyze-usage.js";
import { analyzeProject } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";

/** The usage analysis of `test/fixtures/usage/<name>`, as a run makes it (footprints included). */
export async function analyzeUsageFixture(name: string): Promise<UsageAnalysis> {
  const dir = path.resolve(import.meta.dirname, "../fixtures/usage", name);
  const analysis = await analyzeProject(dir, usageLimits);
  if (!analysis) throw new Error(`no usage analysis for fixture ${name}`);
  return analysis;
}
