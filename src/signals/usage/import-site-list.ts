import { defineUsageSignal } from "./define-usage-signal.js";

/** The report lists where a package is used; fifty sites say that well enough and keep the result small. */
const maxListedSites = 50;

export const importSiteList = defineUsageSignal({
  id: "importSiteList",
  needs: ["usage"],
  compute({ evidence: { usage } }) {
    const listed = usage.sites.slice(0, maxListedSites).map((s) => ({
      file: s.file,
      line: s.line,
      kind: s.kind,
      symbols: s.symbols.join(", "),
    }));
    const cut = usage.sites.length - listed.length;
    return {
      value: listed,
      ...(cut > 0 ? { note: `the first ${maxListedSites} of ${usage.sites.length}` } : {}),
    };
  },
});
