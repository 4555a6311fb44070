import { serializeResult } from "../result/serialize-result.js";
import type { JengaResult } from "../result/types.js";
import { renderCsv } from "./csv.js";
import { inRunFolder } from "./html/run-folder.js";
import type { DeclarationLocations } from "./locate-declarations.js";
import { renderMarkdown } from "./markdown.js";
import { renderSarif } from "./sarif.js";

/** A rendered output: file contents by path relative to where it is written. Pure, so tests read it directly. */
export type RenderedFiles = Record<string, string>;

/** Every output format, by name, with one signature: the JSON result in, files out. */
export const writers = {
  json: (result: JengaResult): RenderedFiles => ({
    "jenga.json": serializeResult(result),
  }),
  /** The report's pages in a folder of their own run, and the index that links into it. */
  html: (result: JengaResult): RenderedFiles => inRunFolder(result),
  markdown: (result: JengaResult): RenderedFiles => ({ "jenga.md": renderMarkdown(result) }),
  csv: (result: JengaResult): RenderedFiles => ({ "jenga.csv": renderCsv(result) }),
  /** Locations come from `locateDeclarations`; without them results carry no location. */
  sarif: (result: JengaResult, locations: DeclarationLocations = new Map()): RenderedFiles => ({
    "jenga.sarif": renderSarif(result, locations),
  }),
} as const satisfies Record<string, (result: JengaResult) => RenderedFiles>;

export type WriterName = keyof typeof writers;
