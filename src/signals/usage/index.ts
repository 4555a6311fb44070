import { importSites } from "./import-sites.js";
import { replacement } from "./replacement.js";
import { usageClass } from "./usage-class.js";
import { usedSymbols } from "./used-symbols.js";

/** The usage signals in report order; spread into allSignals in ../index.ts. */
export const usageSignals = [usageClass, importSites, usedSymbols, replacement] as const;
