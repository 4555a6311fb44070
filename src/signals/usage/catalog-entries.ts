import type { SignalInfo } from "../catalog.js";

/**
 * The code-usage signals' entries of the signal catalog (spread into
 * signalCatalog in ../catalog.ts), documented here beside the signals.
 */
export const usageSignalCatalog = {
  usageClass: {
    title: "Usage",
    unit: "text",
    description:
      "How the project's own code uses the package: runtime, type-only, test-only, config-only, script-only, dead-code-only (only files no entry point reaches import it), unused, unknown (a computed import or an unreadable file could hide a use) or undeclared (imported, not declared).",
    why: "A dependency nobody imports is pure cost; one used only for types or tests is declared in the wrong place.",
    remediation:
      "Remove an unused package; move a type-, test- or tooling-only one to devDependencies; declare an undeclared one.",
  },
  importSites: {
    title: "Import sites",
    unit: "count",
    description:
      "Places in the project's code that import or require the package (each file and line once per form).",
    why: "The more places use a package, the more it costs to remove or replace.",
    remediation: "None by itself; read with the used symbols before a rewrite.",
  },
  usedSymbols: {
    title: "Used symbols",
    unit: "list",
    description:
      "Names the project takes from the package: named imports, members reached through its default or namespace object (`_.get`), destructured requires; `default` and `*` when the whole module is used.",
    why: "A few used functions of a large package are cheap to inline or to replace with the platform.",
    remediation: "When the list is short, consider owning those few functions.",
  },
  replacement: {
    title: "Replacement",
    unit: "list",
    description:
      "Replacements the e18e module-replacements data lists: a native API, a one-line snippet, or a preferred package.",
    why: "A package the platform now covers is a dependency with no remaining value.",
    remediation: "Use the native API or the snippet, then remove the package.",
  },
} as const satisfies Record<string, SignalInfo>;

export type UsageSignalId = keyof typeof usageSignalCatalog;
