import type { RawImport } from "./extract-imports.js";

/**
 * The imports a component format's compiler writes that its source does not:
 * a Vue single-file component compiles its template to render code importing
 * `vue` (`openBlock`, `createElementBlock`…), so a `.vue` file with no import of
 * `vue` in its `<script>` still needs the package installed where it sits
 * (under pnpm, nothing else puts it there). Which helpers depends on the
 * template, so no symbol is claimed. Svelte's compiler does the same, but the
 * module it imports moved between majors (`svelte/internal`,
 * `svelte/internal/client`), so it is left to a later rule.
 */
const runtimeOf: Record<string, string> = { ".vue": "vue" };

/** The compiler's import, unless the file's own `<script>` already imports that package. */
export function compiledImports(file: string, written: readonly RawImport[]): RawImport[] {
  const ext = /\.[a-z]+$/.exec(file)?.[0] ?? "";
  const specifier = runtimeOf[ext];
  if (!specifier || written.some((w) => w.specifier === specifier)) return [];
  return [{ specifier, line: 1, kind: "side-effect", symbols: new Set(), typeOnly: false }];
}
