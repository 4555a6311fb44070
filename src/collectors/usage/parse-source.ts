import { type ParserPlugin, parse } from "@babel/parser";

/** The extensions jenga reads as code. */
export const codeExtensions = [
  ".js",
  ".jsx",
  ".mjs",
  ".cjs",
  ".ts",
  ".tsx",
  ".mts",
  ".cts",
  ".vue",
  ".svelte",
  ".html",
] as const;

type Program = ReturnType<typeof parse>;

export function isCodeFile(file: string): boolean {
  return (codeExtensions as readonly string[]).includes(extensionOf(file));
}

export interface ParsedSource {
  programs: Program[];
  /** A parse error babel could not recover from, with its line. */
  error: { line: number; message: string } | null;
}

/**
 * Parses one file with the plugins its extension implies. Vue and Svelte
 * files contribute their `<script>` blocks, parsed at their own line numbers.
 * Never throws: an unparseable file is reported, the run goes on.
 */
export function parseSource(file: string, text: string): ParsedSource {
  const ext = extensionOf(file);
  const blocks =
    ext === ".vue" || ext === ".svelte"
      ? scriptBlocks(text)
      : ext === ".html"
        ? [...scriptBlocks(text), ...scriptSources(text)]
        : [{ code: text, line: 1, ts: null }];
  const programs: Program[] = [];
  for (const block of blocks) {
    const ts = block.ts ?? /\.[cm]?tsx?$/.test(ext);
    try {
      programs.push(
        parse(block.code, {
          sourceType: "unambiguous",
          startLine: block.line,
          errorRecovery: true,
          allowReturnOutsideFunction: true,
          allowImportExportEverywhere: true,
          allowAwaitOutsideFunction: true,
          allowUndeclaredExports: true,
          // No code here reads comments: attaching them to nodes costs time and memory.
          attachComment: false,
          plugins: pluginsFor(ext, ts, file.endsWith(".d.ts")),
        }),
      );
    } catch (error) {
      const loc = (error as { loc?: { line?: number } }).loc;
      return { programs, error: { line: loc?.line ?? block.line, message: String(error) } };
    }
  }
  return { programs, error: null };
}

function pluginsFor(ext: string, ts: boolean, declaration: boolean): ParserPlugin[] {
  // `.ts` files cannot hold JSX (`<T>x` is a cast there); `.js` files often do (React).
  const jsx = ext !== ".ts" && ext !== ".mts" && ext !== ".cts";
  const plugins: ParserPlugin[] = [];
  if (ts) plugins.push(["typescript", { dts: declaration }]);
  if (jsx) plugins.push("jsx");
  return plugins;
}

function extensionOf(file: string): string {
  const match = /\.[a-z]+$/i.exec(file);
  return match ? match[0].toLowerCase() : "";
}

/**
 * An HTML page's `<script src="…">` as an `import "…"` at its line: vite and
 * parcel start an app from its index.html (`<script type="module"
 * src="/src/main.tsx">`, the leading `/` being the page's own folder). URLs
 * (`https:`, `//cdn…`) load nothing from the project and are left out.
 */
function scriptSources(text: string): { code: string; line: number; ts: boolean }[] {
  const out: { code: string; line: number; ts: boolean }[] = [];
  for (const match of text.matchAll(/<script\b[^>]*?\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi)) {
    const src = match[1] ?? "";
    if (/^([a-z]+:|\/\/)/i.test(src)) continue;
    const line = text.slice(0, match.index ?? 0).split("\n").length;
    const specifier = src.startsWith("/") ? `.${src}` : /^\.\.?\//.test(src) ? src : `./${src}`;
    out.push({ code: `import ${JSON.stringify(specifier)};`, line, ts: false });
  }
  return out;
}

/** `<script ...>` blocks with the line they start on; `lang="ts"` switches TypeScript on. */
function scriptBlocks(text: string): { code: string; line: number; ts: boolean }[] {
  const blocks: { code: string; line: number; ts: boolean }[] = [];
  for (const match of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const before = text.slice(0, (match.index ?? 0) + match[0].indexOf(">") + 1);
    const line = before.split("\n").length;
    blocks.push({
      code: match[2] ?? "",
      line,
      ts: /\blang\s*=\s*["']?ts/.test(match[1] ?? ""),
    });
  }
  return blocks;
}
