import { lineOf, type Tool, type ToolUse } from "./tool.js";

/** `~icons/<collection>/<icon>` (or `virtual:icons/…`), as imports write it. */
const iconImport = /["'](?:~icons|virtual:icons)\/([a-z0-9-]+)\/[^"']+["']/g;

/**
 * unplugin-icons compiles `import Logo from "~icons/logos/github"` from the
 * icon set's data package, `@iconify-json/logos`, else from the whole
 * `@iconify/json`: the import names the collection, never the package. Knip
 * ignores every `@iconify-json/*` declaration instead; this names the ones a
 * file imports, so a collection nothing imports is still unused.
 */
export const unpluginIcons: Tool = {
  id: "unplugin-icons",
  enablers: ["unplugin-icons"],
  uses: ({ files, declared }) => {
    const out: ToolUse[] = [];
    if (!declared.has("unplugin-icons")) return out;
    for (const file of files) {
      if (!file.text.includes("icons/")) continue;
      for (const match of file.text.matchAll(iconImport)) {
        const set = `@iconify-json/${match[1]}`;
        const name = declared.has(set) ? set : "@iconify/json";
        const written = match[0].slice(1, -1);
        out.push({
          name,
          file: file.path,
          line: lineOf(file.text, match[0]),
          detail: `${written} compiled by unplugin-icons`,
        });
      }
    }
    return out;
  },
};
