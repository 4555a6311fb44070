import type { UsageClass } from "../usage/types.js";

export interface UsageClassInfo {
  /** What the class says about the package, for the catalog and the glossary. */
  description: string;
  /** True when the project needs the package (installed for it); false for `unused` and dead code. */
  needed: boolean | null;
}

/**
 * The one closed list of usage classes. A new class does not compile until
 * it is documented here; scoring reads `needed` so a new class can never read
 * as unused by accident. The strongest use decides (classify-usage.ts takes
 * them in this order).
 */
export const usageClasses = {
  runtime: {
    description:
      "imported by code that runs in production (an entry point reaches it), or loaded by a stylesheet or an HTML page",
    needed: true,
  },
  "type-only": {
    description:
      "used for types alone (`import type`, a `.d.ts`, an `@types` package of an imported one)",
    needed: true,
  },
  "test-only": {
    description:
      "used only by tests: test files, the files only tests reach, test-runner flags and environments",
    needed: true,
  },
  "config-only": {
    description:
      "used only by tool config: named in a config file (a plugin, preset, loader or `tsconfig` `types`), or implied by one (a `tsconfig.json` implies `typescript`; `.scss` files with a bundler imply a Sass compiler)",
    needed: true,
  },
  "script-only": {
    description:
      "tooling: used only by package.json scripts, git hooks and lint-staged tasks (a binary they run, a package their flags load) and by the files build or test scripts run",
    needed: true,
  },
  "dead-code-only": {
    description: "imported only by files no entry point, test or config reaches",
    needed: false,
  },
  unused: { description: "declared and never used in any way jenga reads", needed: false },
  unknown: {
    description:
      "no use seen, but a computed import, a file that did not parse or a config jenga could not read may hide one",
    needed: null,
  },
  undeclared: { description: "used without being declared in a package.json", needed: true },
} as const satisfies Record<UsageClass, UsageClassInfo>;

/** The classes in order of strength, for the catalog's text. */
export function usageClassGlossary(): string {
  return Object.entries(usageClasses)
    .map(([name, info]) => `${name} (${info.description})`)
    .join("; ");
}
