import path from "node:path";
import type { ProjectManifest } from "./analyze-usage.js";
import { namedEntries } from "./entry-points.js";

/**
 * The dot folders a package.json's entries or scripts run a file in
 * (`ts-node ./.install-scripts/index.ts` → `.install-scripts`),
 * project-relative. The file reader skips dot folders, which mostly hold
 * caches, editor state and tool output; one a script runs code from is the
 * project's own code, and its imports are uses like any other. Never `.git`.
 */
export function namedDotFolders(manifests: readonly ProjectManifest[]): Set<string> {
  const out = new Set<string>();
  for (const m of manifests) {
    for (const entry of Object.values(namedEntries(m.data)).flat()) {
      const target = path.posix.normalize(path.posix.join(m.dir, entry));
      // An entry outside the project is not a folder of it to read.
      if (target.startsWith("../") || path.posix.isAbsolute(target)) continue;
      const folders = target.split("/").slice(0, -1);
      folders.forEach((name, i) => {
        if (/^\.[^.]/.test(name) && name !== ".git") out.add(folders.slice(0, i + 1).join("/"));
      });
    }
  }
  return out;
}
