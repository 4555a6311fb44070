import { packageOfSpecifier } from "./package-of-specifier.js";

/** The stylesheet languages jenga reads for package uses. */
export const stylesheetFile = /\.(css|scss|sass|less|styl|stylus|pcss)$/;

/** One package a stylesheet loads, at its line. */
export interface StylesheetUse {
  /** As written, `~` dropped: `bootstrap/scss/functions`. */
  specifier: string;
  line: number;
}

/**
 * `@use`, `@forward`, `@import` (Sass, Less, CSS) and `@plugin`/`@config`
 * (Tailwind 4), plus `url(~pkg/…)`, naming a package: `~pkg/x` (webpack's
 * "from node_modules" prefix), or a bare `pkg/x` whose package the project
 * declares (Sass and Less look a bare path up in node_modules after the
 * stylesheet's folder). Built-in Sass modules (`sass:math`), URLs and
 * relative paths are left out; so is a bare name not declared, which is
 * likelier a partial beside the file (`@import "variables"`) than a package.
 */
export function stylesheetUses(text: string, declared: ReadonlySet<string>): StylesheetUse[] {
  const out: StylesheetUse[] = [];
  const statements =
    /@(?:use|forward|import|plugin|config|reference)\s+(?:url\(\s*)?(?:\([^)]*\)\s*)?((?:["'][^"'\n]+["']\s*,?\s*)+)|url\(\s*["']?(~[^"')\s]+)/g;
  for (const match of text.matchAll(statements)) {
    const written = match[1]
      ? [...match[1].matchAll(/["']([^"'\n]+)["']/g)].map((m) => m[1] ?? "")
      : [match[2] ?? ""];
    for (const raw of written) {
      const specifier = packageSpecifier(raw, declared);
      if (specifier) out.push({ specifier, line: lineAt(text, match.index ?? 0) });
    }
  }
  return out;
}

function packageSpecifier(raw: string, declared: ReadonlySet<string>): string | null {
  if (/^([a-z][\w+.-]*:|\/\/|\/|\.)/i.test(raw)) return null;
  const tilde = raw.startsWith("~");
  const specifier = tilde ? raw.slice(1) : raw;
  const name = packageOfSpecifier(specifier);
  if (!name) return null;
  return tilde || declared.has(name) ? specifier : null;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
