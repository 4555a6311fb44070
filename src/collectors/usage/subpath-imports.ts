import path from "node:path";
import { packageOfSpecifier } from "./package-of-specifier.js";
import { resolveProjectFile } from "./resolve-file.js";

/**
 * What a package.json `imports` entry makes of a `#` specifier: a project
 * file (`"#internal/*": "./src/internal/*.js"`), a package
 * (`"#dep": { "node": "dep-node" }`), or nothing jenga can name.
 * https://nodejs.org/api/packages.html#subpath-imports
 */
export function resolveSubpathImport(
  specifier: string,
  dir: string,
  imports: unknown,
  files: ReadonlySet<string>,
): { file: string } | { package: string; specifier: string } | null {
  if (typeof imports !== "object" || imports === null || Array.isArray(imports)) return null;
  const map = imports as Record<string, unknown>;
  const match = matchKey(specifier, Object.keys(map));
  if (!match) return null;
  // Every condition's target is a possible load (`node` here, `default` in the browser): the first that names something wins.
  for (const target of targetStrings(map[match.key])) {
    const filled = target.replaceAll("*", match.star);
    if (filled.startsWith("./")) {
      const file = resolveProjectFile(path.posix.join(dir, filled), files);
      if (file) return { file };
      continue;
    }
    const name = packageOfSpecifier(filled);
    if (name) return { package: name, specifier: filled };
  }
  return null;
}

/** Node's rule: an exact key, else the `*` key with the longest prefix. */
function matchKey(specifier: string, keys: string[]): { key: string; star: string } | null {
  if (keys.includes(specifier) && !specifier.includes("*")) return { key: specifier, star: "" };
  let best: { key: string; star: string; prefix: number } | null = null;
  for (const key of keys) {
    const parts = key.split("*");
    if (parts.length !== 2) continue;
    const [head, tail] = parts as [string, string];
    if (!specifier.startsWith(head) || !specifier.endsWith(tail)) continue;
    if (specifier.length < head.length + tail.length) continue;
    if (best && best.prefix >= head.length) continue;
    best = {
      key,
      star: specifier.slice(head.length, specifier.length - tail.length),
      prefix: head.length,
    };
  }
  return best;
}

function targetStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(targetStrings);
  if (typeof value === "object" && value !== null)
    return Object.values(value).flatMap(targetStrings);
  return [];
}
