import { closureDependencies } from "./closure-dependencies.js";
import { importSiteList } from "./import-site-list.js";
import { importSites } from "./import-sites.js";
import { misplacedDeclaration } from "./misplaced-declaration.js";
import { usageClass } from "./usage-class.js";
import { usedExportsFraction } from "./used-exports-fraction.js";
import { usedFraction } from "./used-fraction.js";
import { usedSymbols } from "./used-symbols.js";

/** The usage signals in report order; spread into allSignals in ../index.ts. */
export const usageSignals = [
  usageClass,
  misplacedDeclaration,
  importSites,
  importSiteList,
  usedSymbols,
  usedExportsFraction,
  usedFraction,
  closureDependencies,
] as const;
