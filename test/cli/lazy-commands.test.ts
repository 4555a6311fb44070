import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultConcurrency as analyzeDefault } from "../../src/analyze.js";
import { defaultConcurrency as cliDefault } from "../../src/cli/run-cli.js";

const cliDir = path.resolve(import.meta.dirname, "../../src/cli");

/** Value imports (not `import type`) of a source file, static ones only. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+"([^"]+)";/gms))
    specifiers.push(m[1] as string);
  return specifiers;
}

/** Every module main.ts loads before a command runs: its static import graph. */
function loadedAtStartup(): { local: Set<string>; packages: Set<string> } {
  const local = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (local.has(file)) return;
    local.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith("."))
        visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, ".ts")));
      else packages.add(spec);
    }
  };
  visit(path.join(cliDir, "main.ts"));
  return { local, packages };
}

// Startup speed is measured by test/bench/startup.mjs; this only keeps the shape that makes it.
describe("jenga --help and --version load no pipeline", () => {
  it("imports only commander, node builtins and a few small CLI modules up front", () => {
    const { local, packages } = loadedAtStartup();
    const relative = [...local].map((f) => path.relative(cliDir, f)).sort();
    expect(relative).toEqual([
      "../errors.ts",
      "../util/control-characters.ts",
      "exit-codes.ts",
      "main.ts",
      "run-cli.ts",
      "tool-version.ts",
    ]);
    expect([...packages].sort()).toEqual(["commander", "node:module"]);
  });

  it("shows analyze()'s own default concurrency in --help", () => {
    expect(cliDefault).toBe(analyzeDefault);
  });
});
