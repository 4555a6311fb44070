import { usageClassGlossary } from "../../collectors/shared/usage-classes.js";
import type { SignalInfo } from "../catalog.js";

/**
 * The code-usage signals' entries of the signal catalog (spread into
 * signalCatalog in ../catalog.ts), documented here beside the signals.
 */
export const usageSignalCatalog = {
  usageClass: {
    title: "Usage",
    unit: "text",
    description: `How the project's own code uses the package, one class of: ${usageClassGlossary()}. An \`@types/x\` is used for types when \`x\` is imported, unused when \`x\` ships its own declarations or when it declares a module no file imports, unknown when it declares globals. A package declared for a used package's peer requirement is used through it, in its roles (an optional peer once the user's reached code imports it); a peer of a used package is never unused.`,
    why: "A dependency nobody imports is pure cost; one used only for types or tests is declared in the wrong place.",
    remediation:
      "Remove an unused package; move a type-, test- or tooling-only one to devDependencies; declare an undeclared one.",
  },
  misplacedDeclaration: {
    title: "Workspace mismatch",
    unit: "list",
    description:
      "In a monorepo, the workspaces that declare the package but never use it while another workspace does, and those that use it without declaring it while another declares it. The root's declarations count for every workspace.",
    why: "An undeclared import works only while the installer hoists the package: a stricter install (pnpm, `install-strategy=linked`), a published workspace or a version bump in the declaring workspace breaks it, and the stale declaration installs and audits a package for nothing.",
    remediation:
      "Declare the package in each workspace that imports it and remove it from those that do not (or declare it once at the root).",
  },
  importSites: {
    title: "Import sites",
    unit: "count",
    description:
      "Places in the project's code that import or require the package (each file and line once per form).",
    why: "The more places use a package, the more it costs to remove or replace.",
    remediation: "None by itself; read with the used symbols before a rewrite.",
  },
  importSiteList: {
    title: "Where it is imported",
    unit: "series",
    description: "The import sites themselves (file, line, form, names), the first 50.",
    why: "Before removing or replacing a package you need to know every place that uses it.",
    remediation: "None by itself; it is the work list of a rewrite or a removal.",
  },
  usedSymbols: {
    title: "Used symbols",
    unit: "list",
    description:
      "Names the project takes from the package: named imports, members reached through its default or namespace object (`_.get`), destructured requires; `default` and `*` when the whole module is used.",
    why: "A few used functions of a large package are cheap to inline or to replace with the platform.",
    remediation: "When the list is short, consider owning those few functions.",
  },
  usedExportsFraction: {
    title: "Used exports",
    unit: "ratio",
    description:
      "Public exports of the installed package the project names ÷ all its public exports: those of its root entry (ESM `export`s with `export *` followed, CommonJS `module.exports` keys, and its `.d.ts`), a deep import (`x/get`) counting as one. When those cannot name a member used (a UMD bundle, an object built at run time), its type declarations or its `@types` package answer, read with the TypeScript checker; members used through a default or `export =` object count against that object's members. Unknown when a namespace or a default object is used whole, or the package is neither installed nor measurable from its registry tarball.",
    why: "Using 2 of 140 exports means most of the package's API, and its churn, serve someone else.",
    remediation:
      "When the fraction is small, own the few functions you use or take them from the platform.",
  },
  usedFraction: {
    title: "Used code",
    unit: "ratio",
    description:
      "Bytes of the installed package's .js/.cjs/.mjs files that the used entries reach (relative imports and requires followed) ÷ the bytes of all its shipped JS files; lines and file counts in the detail. A package that ships two builds (ESM and CommonJS) counts both in the total, so its fraction is at most about half.",
    why: "The code you load is the code whose bugs and advisories reach you; the rest is weight you install but do not run.",
    remediation:
      "When little of a large package is reached, a smaller package or your own code may do.",
  },
  closureDependencies: {
    title: "Dependencies reached",
    unit: "count",
    description:
      "Packages among the installed package's `dependencies` that the code the project reaches imports; the detail gives the total it declares and any peer or undeclared package reached too.",
    why: "Dependencies your use never loads still install, and still bring their advisories into your audit.",
    remediation: "When few are reached, a deep import or a smaller package may leave the rest out.",
  },
} as const satisfies Record<string, SignalInfo>;

export type UsageSignalId = keyof typeof usageSignalCatalog;
