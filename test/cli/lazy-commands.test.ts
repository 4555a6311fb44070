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

/** Every module `start` loads before it runs: its static import graph. */
function loadedAtStartup(start = path.join(cliDir, "main.ts")): {
  local: Set<string>;
  packages: Set<string>;
} {
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
  visit(start);
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

describe("jenga analyze loads what a warm run does not need only when it is needed", () => {
  it("loads no HTTP client, HTML or YAML parser, code parser or type checker up front", () => {
    const { local, packages } = loadedAtStartup(path.join(cliDir, "run-analysis.ts"));
    // The walk reached the pipeline (the inventory, the sources, the writers).
    expect(local.size).toBeGreaterThan(100);
    // undici: the first request; cheerio: an XML SBOM or a README; @yarnpkg/parsers: a yarn
    // or pnpm file; yaml: gh's hosts.yml; babel, ts-morph, tar: the usage source, when on.
    for (const lazy of [
      "undici",
      "cheerio",
      "@yarnpkg/parsers",
      "yaml",
      "@babel/parser",
      "ts-morph",
      "tar",
    ])
      expect([...packages]).not.toContain(lazy);
  });
});

describe("the usage source loads the parsers of rare inputs only when it meets one", () => {
  it("loads no YAML parser (pnpm-workspace.yaml, a YAML config) and no tar reader up front", () => {
    const { packages } = loadedAtStartup(
      path.resolve(cliDir, "../collectors/usage/collect-usage.ts"),
    );
    // The walk reached the parser it does need at once.
    expect([...packages]).toContain("jsonc-parser");
    for (const lazy of ["yaml", "tar"]) expect([...packages]).not.toContain(lazy);
  });
});
