import { advisoriesLast3Years } from "./advisories-last-3-years.js";
import { advisoriesPerKloc } from "./advisories-per-kloc.js";
import { advisoriesTotal } from "./advisories-total.js";
import { advisoryTimeline } from "./advisory-timeline.js";
import { maxSeverity } from "./max-severity.js";
import { neverFixedShare } from "./never-fixed-share.js";
import { openAdvisories } from "./open-advisories.js";
import { timeToFix } from "./time-to-fix.js";

/** The advisory signals in report order; spread into allSignals in ../index.ts. */
export const advisorySignals = [
  openAdvisories,
  maxSeverity,
  advisoriesTotal,
  advisoriesLast3Years,
  advisoriesPerKloc,
  timeToFix,
  neverFixedShare,
  advisoryTimeline,
] as const;
