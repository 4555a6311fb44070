/** A piece of a file parsed as code, at the line it starts on. */
export interface SourceBlock {
  code: string;
  line: number;
  /** The language it is written in, when the file says (`lang="ts"`); null: the extension decides. */
  lang: "ts" | "tsx" | "js" | null;
}

/**
 * The code inside one file: the whole file for a script; the `<script>`
 * blocks of Vue, Svelte and HTML files (and an HTML page's `<script src>`);
 * the `---` frontmatter and `<script>` blocks of Astro files. Markup outside
 * them is not read: the template expressions of Vue, Svelte and Astro can only
 * reach what the script blocks import.
 */
export function sourceBlocks(ext: string, text: string): SourceBlock[] {
  switch (ext) {
    case ".vue":
    case ".svelte":
      return scriptBlocks(text, 0);
    case ".html":
      return [...scriptBlocks(text, 0), ...scriptSources(text)];
    case ".astro":
      return astroBlocks(text);
    default:
      return [{ code: text, line: 1, lang: null }];
  }
}

/**
 * Astro's frontmatter is always TypeScript, and so are its `<script>` blocks
 * (Astro compiles them as TypeScript, with or without `lang`). Script blocks
 * are looked for after the frontmatter, whose strings may hold the word.
 */
function astroBlocks(text: string): SourceBlock[] {
  const fence = /^(\s*)---[^\S\r\n]*\r?\n((?:[\s\S]*?\r?\n)?)---[^\S\r\n]*(?:\r?\n|$)/.exec(text);
  const scripts = scriptBlocks(text, fence ? fence[0].length : 0).map(
    (b): SourceBlock => ({ ...b, lang: b.lang === "tsx" ? "tsx" : "ts" }),
  );
  if (!fence) return scripts;
  const line = (fence[1] ?? "").split("\n").length + 1;
  return [{ code: fence[2] ?? "", line, lang: "ts" }, ...scripts];
}

/**
 * An HTML page's `<script src="…">` as an `import "…"` at its line: vite and
 * parcel start an app from its index.html (`<script type="module"
 * src="/src/main.tsx">`, the leading `/` being the page's own folder). URLs
 * (`https:`, `//cdn…`) load nothing from the project and are left out. A
 * `src` or a stylesheet `<link href>` into `node_modules/` loads that
 * package: an import of it by name (`node_modules/bootstrap/dist/x.css` →
 * `bootstrap/dist/x.css`).
 */
function scriptSources(text: string): SourceBlock[] {
  const out: SourceBlock[] = [];
  const tags = /<(?:script\b[^>]*?\bsrc|link\b[^>]*?\bhref)\s*=\s*["']([^"']+)["'][^>]*>/gi;
  for (const match of text.matchAll(tags)) {
    const src = match[1] ?? "";
    const installed = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+(?:\/[^?#]*)?)/.exec(src)?.[1];
    const isScript = /^<script/i.test(match[0]);
    if (!installed && (!isScript || /^([a-z]+:|\/\/)/i.test(src))) continue;
    const line = lineAt(text, match.index ?? 0);
    const specifier = installed
      ? installed
      : src.startsWith("/")
        ? `.${src}`
        : /^\.\.?\//.test(src)
          ? src
          : `./${src}`;
    out.push({ code: `import ${JSON.stringify(specifier)};`, line, lang: "js" });
  }
  return out;
}

/**
 * `<script ...>` blocks from `from` on, with the line they start on;
 * `lang="ts"`/`"tsx"` switches TypeScript on. Blocks inside HTML comments are
 * left out, and so are JSON and template blocks (`type="application/json"`,
 * `type="text/x-template"`), which hold no code to import from.
 */
function scriptBlocks(text: string, from: number): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const masked = text.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, " "));
  const pattern = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  pattern.lastIndex = from;
  for (let match = pattern.exec(masked); match; match = pattern.exec(masked)) {
    const attributes = match[1] ?? "";
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && !/^(module|text\/javascript|application\/javascript|text\/babel)$/.test(type))
      continue;
    const start = (match.index ?? 0) + match[0].indexOf(">") + 1;
    const lang = /\blang\s*=\s*["']?(tsx|ts|typescript)\b/i.exec(attributes)?.[1]?.toLowerCase();
    blocks.push({
      code: text.slice(start, start + (match[2] ?? "").length),
      line: lineAt(text, start),
      lang: lang === "tsx" ? "tsx" : lang ? "ts" : "js",
    });
  }
  return blocks;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
