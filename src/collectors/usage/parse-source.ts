import { createRequire } from "node:module";
import type { ParserOptions, ParserPlugin } from "@babel/parser";
import { shortParseMessage } from "./parse-failures.js";
import { type SourceBlock, sourceBlocks } from "./source-blocks.js";

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
  ".astro",
  ".html",
] as const;

// Required, not imported: babel's parser is CommonJS, and an `import` of it has Node lex its
// 500 KB for named exports first (~40 ms of every run that parses).
const { parse } = createRequire(import.meta.url)("@babel/parser") as typeof import("@babel/parser");

type Program = ReturnType<typeof parse>;

export function isCodeFile(file: string): boolean {
  return (codeExtensions as readonly string[]).includes(extensionOf(file));
}

export interface ParsedSource {
  programs: Program[];
  /** A parse error babel could not recover from: its line and a short message (`unexpected token`). */
  error: { line: number; message: string } | null;
}

/**
 * Parses one file with the plugins its extension implies. Vue, Svelte and
 * Astro files contribute their script blocks (and Astro its frontmatter),
 * parsed at their own line numbers. Never throws: an unparseable file is
 * reported, the run goes on.
 */
export function parseSource(file: string, text: string): ParsedSource {
  const ext = extensionOf(file);
  const programs: Program[] = [];
  for (const block of sourceBlocks(ext, text)) {
    const parsed = parseBlock(block, ext, file.endsWith(".d.ts"));
    if ("error" in parsed) return { programs, error: parsed.error };
    programs.push(parsed.program);
  }
  return { programs, error: null };
}

/**
 * Decorators come in two syntaxes babel cannot read with one plugin: the
 * current proposal (`export @dec class`, `accessor`) and TypeScript's
 * `experimentalDecorators` (`@dec export class`, parameter decorators), which
 * Angular, NestJS and TypeORM code is written in. The current plugin reads
 * most legacy code too (parameter decorators become recovered errors), so it
 * goes first and the legacy one is tried only when it throws.
 */
function parseBlock(
  block: SourceBlock,
  ext: string,
  declaration: boolean,
): { program: Program } | { error: { line: number; message: string } } {
  const base = languagePlugins(block, ext, declaration);
  let first: unknown = null;
  for (const decorators of ["decorators", "decorators-legacy"] as const) {
    try {
      const plugins: ParserPlugin[] = [...base, decorators, "decoratorAutoAccessors"];
      return { program: parse(block.code, { ...options, startLine: block.line, plugins }) };
    } catch (error) {
      first ??= error;
    }
  }
  const loc = (first as { loc?: { line?: number } }).loc;
  return { error: { line: loc?.line ?? block.line, message: shortParseMessage(first) } };
}

const options: ParserOptions = {
  sourceType: "unambiguous",
  errorRecovery: true,
  allowReturnOutsideFunction: true,
  allowImportExportEverywhere: true,
  allowAwaitOutsideFunction: true,
  allowUndeclaredExports: true,
  // No code here reads comments: attaching them to nodes costs time and memory.
  attachComment: false,
};

/**
 * TypeScript for `.ts`-like files and `lang="ts"` blocks; JSX wherever it may
 * appear (not in `.ts`, where `<T>x` is a cast); Flow in JavaScript that says
 * so with an `@flow` (or `@noflow`) pragma, as Flow itself decides; the
 * `assert` form of import attributes, which older code still writes. Class
 * fields, private members, top-level await, `with` attributes and `using`
 * are on by default in babel 7.2x.
 */
function languagePlugins(block: SourceBlock, ext: string, declaration: boolean): ParserPlugin[] {
  const ts = block.lang ? block.lang !== "js" : /^\.[cm]?tsx?$/.test(ext);
  const jsx = block.lang ? block.lang !== "ts" : ext !== ".ts" && ext !== ".mts" && ext !== ".cts";
  const plugins: ParserPlugin[] = ["deprecatedImportAssert"];
  if (ts) plugins.push(["typescript", { dts: declaration }]);
  else if (hasFlowPragma(block.code)) plugins.push("flow");
  if (jsx) plugins.push("jsx");
  return plugins;
}

/** The pragma must be in the comments before the first statement, as Flow reads it. */
function hasFlowPragma(code: string): boolean {
  const head = /^(?:#![^\n]*\n)?(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*/.exec(code)?.[0] ?? "";
  return /@(?:no)?flow\b/.test(head);
}

function extensionOf(file: string): string {
  const match = /\.[a-z]+$/i.exec(file);
  return match ? match[0].toLowerCase() : "";
}
