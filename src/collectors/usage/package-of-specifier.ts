import { builtinModules } from "node:module";

const builtins = new Set(builtinModules);

/**
 * The package a bare specifier names (`lodash/get` → `lodash`, `@a/b/c` →
 * `@a/b`), or null for relative and absolute paths, URLs, `node:` and other
 * builtins, `#imports` aliases, and `@/x` (an empty scope: no package can
 * be named so, only a path alias).
 */
export function packageOfSpecifier(specifier: string): string | null {
  if (specifier === "" || /^[./#~]/.test(specifier) || /^[a-z][a-z0-9+.-]*:/i.test(specifier)) {
    return null;
  }
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
  if (specifier.startsWith("@") && (parts.length < 2 || parts[0] === "@")) return null;
  if (builtins.has(name) || builtins.has(specifier)) return null;
  return name;
}
