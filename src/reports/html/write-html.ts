import { serializeResult } from "../../result/serialize-result.js";
import type { JengaResult } from "../../result/types.js";
import { reportCss } from "./assets.js";
import { chartLibrary } from "./chart-library.js";
import { packagePagePath, projectPagePath } from "./file-names.js";
import { chartScript } from "./layout.js";
import { renderGlossary } from "./render-glossary.js";
import { renderIndex } from "./render-index.js";
import { renderPackage } from "./render-package.js";
import { renderProject } from "./render-project.js";
import { reportJs } from "./report-script.js";

/**
 * The whole HTML report in one folder, by relative path: the index, the JSON
 * result, and the pages (`reportPages`). A written report puts the pages in a
 * run folder of their own instead (run-folder.ts).
 */
export function writeHtml(result: JengaResult): Record<string, string> {
  return {
    "index.html": renderIndex(result),
    "jenga.json": serializeResult(result),
    ...reportPages(result),
  };
}

/**
 * A glossary, a page per package, a page per project of a portfolio, and the
 * assets. Every page name comes from `pageFileName`, so no package name
 * chooses a path. `up`: the way from these pages' folder to the index and the
 * JSON result, which exist once per report ("../" from a run folder).
 */
export function reportPages(result: JengaResult, up = ""): Record<string, string> {
  const files: Record<string, string> = {
    "glossary.html": renderGlossary(result, undefined, up),
    "report.css": reportCss,
    "report.js": reportJs,
    [chartScript]: chartLibrary(),
  };
  const names = new Set(result.packages.map((p) => p.name));
  for (const p of result.packages)
    files[packagePagePath(p.name)] = renderPackage(result, p, names, up);
  if (result.projects.length > 1) {
    for (const project of result.projects) {
      files[projectPagePath(project.path)] = renderProject(result, project, up);
    }
  }
  return files;
}
