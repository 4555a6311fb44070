import { findReplacement } from "../../collectors/shared/find-replacement.js";
import { defineSignal, type EvidenceSet } from "../define-signal.js";

/**
 * The e18e replacement data is about the package, not about how a project
 * uses it: it applies to a lockfile- or SBOM-only run as much as to one that
 * reads code. It needs the registry only so that a package nothing answered
 * for (offline, empty cache) stays unknown rather than judged by name alone.
 */
export const replacement = defineSignal({
  id: "replacement",
  needs: ["registry"],
  compute({ pkg, evidence }) {
    const found = findReplacement(pkg.name);
    if (!found) return { value: [] };
    // Usage is read when it is there, not needed: code that runs only in a browser (md5 in
    // a Vite app) cannot take a Node API (`node:crypto`), so only the others replace it.
    const browserOnly = (evidence as EvidenceSet).usage?.browserOnly === true;
    const replacements = browserOnly
      ? found.replacements.filter((r) => !nodeOnly.test(r))
      : found.replacements;
    if (replacements.length === 0)
      return {
        value: [],
        note: `its replacements (${found.replacements.join(", ")}) are Node APIs, and it runs only in browser code`,
      };
    return { value: replacements, note: found.kind, detail: { kind: found.kind } };
  },
});

/**
 * Replacements that exist only on a server runtime: Node's modules and globals, Bun's.
 * `crypto.randomUUID`, `fetch` and `AbortController` are web APIs too.
 */
const nodeOnly = /^(node:|Bun\.|Buffer\b|(fs|util|path|os|child_process|stream|zlib)\.)|\bNode\b/;
