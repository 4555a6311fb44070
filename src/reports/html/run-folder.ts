import { createHash } from "node:crypto";
import { serializeResult } from "../../result/serialize-result.js";
import type { JengaResult } from "../../result/types.js";
import { renderIndex } from "./render-index.js";
import { reportPages } from "./write-html.js";

/**
 * The HTML report as it lands in --out: the pages of one run in a folder of
 * their own, beside it the JSON result and an index that links into it (each
 * exists once: the pages link up to them).
 * write-report.ts writes the folder first and the index last, so a run killed
 * half way leaves the previous report whole, never an index linking to pages
 * that are missing or from another run. The folder is named after the
 * result, so the name is a pure function of it and two different runs never
 * share a folder.
 */

/** What each run folder lists of its own files: all jenga removes of it when a later run replaces it. */
export const runManifestName = ".jenga-files";
export const runFolderPattern = /^run-[0-9a-f]{12}$/;

export function inRunFolder(result: JengaResult): Record<string, string> {
  const json = serializeResult(result);
  const run = `run-${createHash("sha256").update(json).digest("hex").slice(0, 12)}`;
  // The index and the JSON result exist once, at the top: the pages link up to them.
  const pages = reportPages(result, "../");
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(pages)) files[`${run}/${name}`] = text;
  files[`${run}/${runManifestName}`] = `${Object.keys(pages).join("\n")}\n`;
  files["jenga.json"] = json;
  files["index.html"] = renderIndex(result, `${run}/`);
  return files;
}
