import { type AstNode, child, children, keyName, lineOf, literalString, walk } from "./ast.js";
import { type ComputedSpecifier, computedSpecifier } from "./computed-specifier.js";
import { nodeModulesPath } from "./node-modules-paths.js";
import type { ImportKind } from "./types.js";

/** One specifier as written in one file, before it is resolved to a package or a file. */
export interface RawImport {
  specifier: string;
  line: number;
  kind: ImportKind;
  symbols: Set<string>;
  typeOnly: boolean;
  /** For `export { a as b } from "x"`: exported name → the name taken from `x` (`b` → `a`). */
  exportedAs?: Map<string, string>;
}

export interface FileImports {
  imports: RawImport[];
  computed: ComputedSpecifier[];
  /** Every string literal, for config files, whose plugin lists name packages as strings. */
  strings: string[];
  /** Identifier keys of object literals: config files name plugins so too (`plugins: { autoprefixer: {} }`). */
  keys: string[];
  /** Installed binaries a path names (`node_modules/.bin/tool`), for the caller to map to packages. */
  binaries?: { name: string; line: number }[];
}

/**
 * A local name bound to a module or to one of its exports: members reached
 * through it are the symbols used, to `maxMemberDepth` names (`ns.sub.fn`).
 */
interface Binding {
  site: RawImport;
  /** What using the name itself (not a member) means: `default` or `*`, or the export's name. */
  whole: string;
  /** Put before a member: `` for a whole module (`_.get` → `get`), `z.` for `import { z }` (`z.object`). */
  prefix: string;
  /** False until a reference is seen: an imported name never referenced is still imported. */
  referenced: boolean;
}

/**
 * How many member names a use records: `ns.sub.fn` from a namespace, `z.object`
 * from a named export (a namespace object like zod's `z`). Deeper chains are
 * properties of values, not API.
 */
const maxMemberDepth = 2;

/**
 * Every import form in one parsed file: static, side-effect, type-only,
 * `require` (plain, destructured, through `createRequire`), `require.resolve`,
 * TS `import x = require()`, literal `import()`, re-exports, `typeof import()`.
 * Members reached through a default or namespace binding (`_.get`, `_["chunk"]`)
 * are the symbols used. Names are matched without scope analysis: a local that
 * shadows an import is taken for it, which can only over-count use.
 * `sitesOnly` (a dependency's closure reads specifiers and computed lines
 * alone) skips the symbol and string bookkeeping: the same sites, faster.
 */
export function extractImports(
  program: AstNode,
  declarationFile: boolean,
  sitesOnly = false,
): FileImports {
  const out: FileImports = { imports: [], computed: [], strings: [], keys: [] };
  const bindings = new Map<string, Binding>();
  const requireNames = new Set(["require"]);
  const calls: [AstNode, AstNode | null][] = [];
  const references: [AstNode, AstNode | null][] = [];
  // The parent of each `await`, to see what `await import("x")` is bound to.
  const awaitParents = new Map<AstNode, AstNode | null>();
  // The member expression that holds another as its object: `a.b` → `a.b.c`, to read chains.
  const memberParents = new Map<AstNode, AstNode>();
  const add = (specifier: string, node: AstNode, kind: ImportKind, typeOnly: boolean) => {
    const site = { specifier, line: lineOf(node), kind, symbols: new Set<string>(), typeOnly };
    out.imports.push(site);
    return site;
  };

  walk(program, (node, parent) => {
    switch (node.type) {
      case "ImportDeclaration":
        return importDeclaration(node, add, bindings, sitesOnly);
      case "ExportNamedDeclaration":
      case "ExportAllDeclaration":
        return reExport(node, add);
      case "TSImportEqualsDeclaration":
        return importEquals(node, add, bindings);
      case "TSImportType": {
        const arg = child(node, "argument");
        const spec = literalString(
          arg && arg.type === "TSLiteralType" ? child(arg, "literal") : arg,
        );
        if (spec !== null) add(spec, node, "type-import", true).symbols.add(qualifier(node));
        return;
      }
      case "VariableDeclarator": {
        const init = child(node, "init");
        const id = child(node, "id");
        if (init?.type === "CallExpression" && id?.type === "Identifier" && isCreateRequire(init)) {
          requireNames.add(id.name as string);
        }
        return;
      }
      case "CallExpression":
      case "ImportExpression":
        calls.push([node, parent]);
        if (!sitesOnly && node.type === "CallExpression") intoNodeModules(node, add, out);
        return;
      case "Identifier":
      case "JSXIdentifier":
        if (!sitesOnly) references.push([node, parent]);
        return;
      case "MemberExpression":
      case "OptionalMemberExpression":
      case "JSXMemberExpression":
      case "TSQualifiedName": {
        const inner = child(node, node.type === "TSQualifiedName" ? "left" : "object");
        if (!sitesOnly && inner) memberParents.set(inner, node);
        return;
      }
      case "AwaitExpression":
        if (!sitesOnly) awaitParents.set(node, parent);
        return;
      case "StringLiteral":
        if (!sitesOnly) out.strings.push(node.value as string);
        return;
      case "ObjectProperty": {
        const key = child(node, "key");
        if (!sitesOnly && !node.computed && key?.type === "Identifier") {
          out.keys.push(key.name as string);
        }
        return;
      }
    }
  });
  for (const [call, parent] of calls) {
    callSite(call, parent, { requireNames, awaitParents, add, bindings, out });
  }
  for (const [ref, parent] of references) reference(ref, parent, bindings, memberParents);
  // `import { z } from "zod"` with `z` never referenced: still an import of `z`.
  for (const binding of bindings.values())
    if (!binding.referenced && binding.prefix !== "") binding.site.symbols.add(binding.whole);
  if (declarationFile) for (const site of out.imports) site.typeOnly = true;
  return out;
}

/** A path built into node_modules: a package's file is found like `require.resolve`. */
function intoNodeModules(call: AstNode, add: Add, out: FileImports): void {
  const target = nodeModulesPath(call);
  if (!target) return;
  if ("package" in target) add(target.package, call, "require-resolve", false);
  else {
    out.binaries = out.binaries ?? [];
    out.binaries.push({ name: target.binary, line: lineOf(call) });
  }
}

type Add = (specifier: string, node: AstNode, kind: ImportKind, typeOnly: boolean) => RawImport;

function importDeclaration(
  node: AstNode,
  add: Add,
  bindings: Map<string, Binding>,
  sitesOnly: boolean,
): void {
  const spec = literalString(child(node, "source"));
  if (spec === null) return;
  const specifiers = children(node, "specifiers");
  const declTypeOnly = node.importKind === "type" || node.importKind === "typeof";
  if (specifiers.length === 0) {
    add(spec, node, declTypeOnly ? "type-import" : "side-effect", declTypeOnly);
    return;
  }
  const typeSpecs = specifiers.filter((s) => declTypeOnly || s.importKind === "type");
  const valueSpecs = specifiers.filter((s) => !typeSpecs.includes(s));
  for (const [group, typeOnly] of [
    [valueSpecs, false],
    [typeSpecs, true],
  ] as const) {
    if (group.length === 0) continue;
    const site = add(spec, node, typeOnly ? "type-import" : "import", typeOnly);
    for (const s of group) {
      const local = child(s, "local")?.name as string | undefined;
      if (s.type === "ImportSpecifier") {
        const imported = keyName(child(s, "imported"), false) ?? "?";
        if (local && !sitesOnly)
          bindings.set(local, { site, whole: imported, prefix: `${imported}.`, referenced: false });
        else site.symbols.add(imported);
      } else if (local)
        bindings.set(local, {
          site,
          whole: s.type === "ImportNamespaceSpecifier" ? "*" : "default",
          prefix: "",
          referenced: false,
        });
    }
  }
}

function reExport(node: AstNode, add: Add): void {
  const spec = literalString(child(node, "source"));
  if (spec === null) return;
  const typeOnly = node.exportKind === "type";
  const site = add(spec, node, typeOnly ? "type-import" : "re-export", typeOnly);
  if (node.type === "ExportAllDeclaration") {
    site.symbols.add("*");
    return;
  }
  site.exportedAs = new Map();
  for (const s of children(node, "specifiers")) {
    const exported = keyName(child(s, "exported"), false) ?? "?";
    const taken =
      s.type === "ExportNamespaceSpecifier"
        ? "*"
        : s.type === "ExportDefaultSpecifier"
          ? "default"
          : (keyName(child(s, "local"), false) ?? "?");
    site.symbols.add(taken);
    site.exportedAs.set(exported, taken);
  }
}

function importEquals(node: AstNode, add: Add, bindings: Map<string, Binding>): void {
  const ref = child(node, "moduleReference");
  if (ref?.type !== "TSExternalModuleReference") return;
  const spec = literalString(child(ref, "expression"));
  if (spec === null) return;
  const typeOnly = node.importKind === "type";
  const site = add(spec, node, "import-equals", typeOnly);
  const local = child(node, "id")?.name as string | undefined;
  if (local) bindings.set(local, { site, whole: "default", prefix: "", referenced: false });
}

function qualifier(node: AstNode): string {
  const q = child(node, "qualifier");
  if (!q) return "*";
  if (q.type === "Identifier") return q.name as string;
  // `import("x").A.B`: the first name is the export.
  let left: AstNode | null = q;
  while (left && left.type === "TSQualifiedName") left = child(left, "left");
  return (left?.name as string | undefined) ?? "*";
}

function isCreateRequire(call: AstNode): boolean {
  const callee = child(call, "callee");
  if (callee?.type === "Identifier") return callee.name === "createRequire";
  return (
    callee?.type === "MemberExpression" &&
    keyName(child(callee, "property"), callee.computed === true) === "createRequire"
  );
}

interface CallContext {
  requireNames: Set<string>;
  awaitParents: Map<AstNode, AstNode | null>;
  add: Add;
  bindings: Map<string, Binding>;
  out: FileImports;
}

function callSite(call: AstNode, parent: AstNode | null, ctx: CallContext): void {
  const form = callForm(call, ctx.requireNames);
  if (!form) return;
  const arg =
    call.type === "ImportExpression"
      ? child(call, "source")
      : (children(call, "arguments")[0] ?? null);
  const spec = literalString(arg);
  if (spec === null) {
    ctx.out.computed.push(computedSpecifier(arg, form.name));
    return;
  }
  const site = ctx.add(spec, call, form.kind, false);
  if (form.kind === "require-resolve") return;
  // `await import("x")` binds like `require("x")`: look through the await.
  if (parent?.type === "AwaitExpression") {
    symbolsFromUser(site, parent, ctx.awaitParents.get(parent) ?? null, ctx.bindings, "*");
    return;
  }
  symbolsFromUser(site, call, parent, ctx.bindings, form.kind === "dynamic" ? "*" : "default");
}

function symbolsFromUser(
  site: RawImport,
  self: AstNode,
  user: AstNode | null,
  bindings: Map<string, Binding>,
  whole: string,
): void {
  if (!user || user.type === "ExpressionStatement") return;
  if (user.type === "VariableDeclarator" && user.init === self) {
    const id = child(user, "id");
    if (id?.type === "ObjectPattern") {
      destructured(id, "", site.symbols, 1);
      return;
    }
    if (id?.type === "Identifier") {
      bindings.set(id.name as string, { site, whole, prefix: "", referenced: false });
      return;
    }
  }
  if (
    (user.type === "MemberExpression" || user.type === "OptionalMemberExpression") &&
    user.object === self
  ) {
    site.symbols.add(keyName(child(user, "property"), user.computed === true) ?? "*");
    return;
  }
  site.symbols.add(whole);
}

/** `const { a, sub: { fn } } = require("x")` → `a`, `sub.fn`, to `maxMemberDepth` names. */
function destructured(pattern: AstNode, prefix: string, out: Set<string>, depth: number): void {
  for (const p of children(pattern, "properties")) {
    if (p.type === "RestElement") {
      out.add(prefix === "" ? "*" : prefix.slice(0, -1));
      continue;
    }
    const key = keyName(child(p, "key"), p.computed === true);
    const value = child(p, "value");
    if (key !== null && value?.type === "ObjectPattern" && depth < maxMemberDepth)
      destructured(value, `${prefix}${key}.`, out, depth + 1);
    else out.add(key === null ? (prefix === "" ? "*" : prefix.slice(0, -1)) : prefix + key);
  }
}

function callForm(
  call: AstNode,
  requireNames: Set<string>,
): { kind: ImportKind; name: string } | null {
  if (call.type === "ImportExpression") return { kind: "dynamic", name: "import" };
  const callee = child(call, "callee");
  if (!callee) return null;
  if (callee.type === "Import") return { kind: "dynamic", name: "import" };
  if (callee.type === "Identifier" && requireNames.has(callee.name as string)) {
    return { kind: "require", name: callee.name as string };
  }
  // `createRequire(import.meta.url)("x")`, used without naming the require.
  if (callee.type === "CallExpression" && isCreateRequire(callee)) {
    return { kind: "require", name: "createRequire(…)" };
  }
  if (callee.type === "MemberExpression" && !callee.computed) {
    const object = child(callee, "object");
    const property = keyName(child(callee, "property"), false);
    if (property !== "resolve") return null;
    if (object?.type === "Identifier" && requireNames.has(object.name as string)) {
      return { kind: "require-resolve", name: `${object.name}.resolve` };
    }
    if (object?.type === "CallExpression" && isCreateRequire(object)) {
      return { kind: "require-resolve", name: "createRequire(…).resolve" };
    }
    if (object?.type === "MetaProperty")
      return { kind: "require-resolve", name: "import.meta.resolve" };
  }
  return null;
}

/**
 * A use of a bound name: a member chain names a symbol to `maxMemberDepth`
 * names (`ns.sub.fn` → `sub.fn`, `z.object` → `z.object`); anything else
 * uses it whole.
 */
function reference(
  ref: AstNode,
  parent: AstNode | null,
  bindings: Map<string, Binding>,
  memberParents: ReadonlyMap<AstNode, AstNode>,
): void {
  const binding = bindings.get(ref.name as string);
  if (!binding || !parent) return;
  if (isDeclarationOrKey(ref, parent)) return;
  binding.referenced = true;
  const chain: string[] = [];
  let holder: AstNode | null | undefined = parent;
  let inner: AstNode = ref;
  while (holder && chain.length < maxMemberDepth) {
    const name = memberName(holder, inner);
    if (name === undefined) break;
    if (name === null) {
      if (chain.length === 0) chain.push("*");
      break;
    }
    chain.push(name);
    inner = holder;
    holder = memberParents.get(holder);
  }
  if (chain.length === 0) binding.site.symbols.add(binding.whole);
  else if (chain[0] === "*") binding.site.symbols.add(binding.prefix ? binding.whole : "*");
  else binding.site.symbols.add(binding.prefix + chain.join("."));
}

/** The member `holder` reads of `inner` (`a.b` → `b`); null when computed; undefined when `holder` is no member access of it. */
function memberName(holder: AstNode, inner: AstNode): string | null | undefined {
  if (
    (holder.type === "MemberExpression" ||
      holder.type === "OptionalMemberExpression" ||
      holder.type === "JSXMemberExpression") &&
    holder.object === inner
  )
    return keyName(child(holder, "property"), holder.computed === true);
  if (holder.type === "TSQualifiedName" && holder.left === inner)
    return keyName(child(holder, "right"), false);
  return undefined;
}

function isDeclarationOrKey(ref: AstNode, parent: AstNode): boolean {
  switch (parent.type) {
    case "ImportDefaultSpecifier":
    case "ImportNamespaceSpecifier":
    case "ImportSpecifier":
    case "TSImportEqualsDeclaration":
      return true;
    case "VariableDeclarator":
      return parent.id === ref;
    case "MemberExpression":
    case "OptionalMemberExpression":
    case "JSXMemberExpression":
      return parent.property === ref && parent.computed !== true;
    case "ObjectProperty":
    case "ObjectMethod":
    case "ClassProperty":
    case "ClassMethod":
    case "TSPropertySignature":
      return parent.key === ref && parent.computed !== true && parent.value !== ref;
    case "JSXAttribute":
      return true;
    default:
      return false;
  }
}
