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
 * The whole HTML report as files by relative path: the index, a glossary, a
 * page per package, a page per project of a portfolio, and the assets. Every
 * page name comes from `pageFileName`, so no package name chooses a path.
 */
export function writeHtml(result: JengaResult): Record<string, string> {
  const files: Record<string, string> = {
    "index.html": renderIndex(result),
    "glossary.html": renderGlossary(result),
    "report.css": reportCss,
    "report.js": reportJs,
    [chartScript]: chartLibrary(),
    "jenga.json": `${JSON.stringify(result, null, 2)}\n`,
  };
  const names = new Set(result.packages.map((p) => p.name));
  for (const p of result.packages) files[packagePagePath(p.name)] = renderPackage(result, p, names);
  if (result.projects.length > 1) {
    for (const project of result.projects) {
      files[projectPagePath(project.path)] = renderProject(result, project);
    }
  }
  return files;
}
