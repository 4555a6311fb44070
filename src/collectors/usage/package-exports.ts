import path from "node:path";
import { pushAll } from "../../util/extremes.js";
import {
  type AstNode,
  child,
  children,
  isModuleExports,
  keyName,
  literalString,
  requiredSpecifier,
  walk,
} from "./ast.js";
import { buildSwitch } from "./build-switch.js";
import { resolvePackageFile } from "./package-entry.js";

/** Parses a package file once; null when it is not shipped, too large or does not parse. */
export type ProgramOf = (file: string) => AstNode | null;

/** A package file's size in bytes, when known: of two builds of one module, the smaller is read. */
export type BytesOf = (file: string) => number | undefined;

export interface ExportSurface {
  names: Set<string>;
  /** Why the count may be short: `export * from "other-package"`, a spread into `module.exports`. */
  caveats: string[];
}

/** Bounds the `export *` chase; real barrels go a few levels deep over tens of files. */
const maxModules = 2_000;

/**
 * How deep namespace objects are opened: `export * as ns from "./api"` adds
 * `ns.object`, and a namespace inside it `ns.sub.fn`; the project's member
 * chains are read to the same depth (extract-imports.ts).
 */
const maxNamespaceDepth = 2;

/**
 * The names a module exports, with `export * from "./x"` followed through
 * every level: ESM declarations and specifiers, TypeScript's `export =`, and
 * CommonJS (`module.exports = { … }`, `exports.x =`, `module.exports.x =`,
 * `Object.defineProperty(exports, "x")`, `module.exports = require("./x")`, and
 * the `__exportStar(require("./x"), exports)` compilers emit). A CommonJS
 * module that exports one value (`module.exports = fn`) has `default`.
 * A namespace export (`export * as ns from "./api"`, or `import * as ns`
 * then `export { ns }`) also has its members, `ns.object`, to
 * `maxNamespaceDepth` levels. Of an entry that picks its development or
 * production build, the smaller by `bytesOf` is read (build-switch.ts).
 */
export function exportSurface(
  entry: string,
  programOf: ProgramOf,
  files: ReadonlySet<string>,
  bytesOf: BytesOf = () => undefined,
  depth = 0,
  known: Map<string, ModuleExports | null> = new Map(),
): ExportSurface {
  const surface: ExportSurface = { names: new Set(), caveats: [] };
  const namespaces: [string, string][] = [];
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0 && seen.size < maxModules) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    // Each module is parsed once per surface, though a namespace export reads it again.
    let module = known.get(file);
    if (module === undefined) {
      module = moduleExports(file, programOf, files, bytesOf);
      known.set(file, module);
    }
    if (!module) {
      surface.caveats.push(`${file} could not be read`);
      continue;
    }
    for (const name of module.names) surface.names.add(name);
    pushAll(surface.caveats, module.caveats);
    pushAll(queue, module.stars);
    pushAll(namespaces, module.namespaces);
  }
  surface.names.delete("__esModule");
  if (depth < maxNamespaceDepth) {
    for (const [name, file] of namespaces) {
      const inner = exportSurface(file, programOf, files, bytesOf, depth + 1, known);
      for (const member of inner.names)
        if (member !== "default") surface.names.add(`${name}.${member}`);
    }
  }
  return surface;
}

/** What one module adds to a surface: its own names, the modules it re-exports all of, its namespace exports. */
interface ModuleExports {
  names: Set<string>;
  caveats: string[];
  /** `export * from "./x"`, `module.exports = require("./x")`: the files, in the order written. */
  stars: string[];
  /** `export * as ns from "./api"`: the name and the file. */
  namespaces: [string, string][];
}

function moduleExports(
  file: string,
  programOf: ProgramOf,
  files: ReadonlySet<string>,
  bytesOf: BytesOf,
): ModuleExports | null {
  const program = programOf(file);
  if (!program) return null;
  const module: ModuleExports = { names: new Set(), caveats: [], stars: [], namespaces: [] };
  const resolve = (spec: string) =>
    resolvePackageFile(
      path.posix.join(path.posix.dirname(file), spec),
      files,
      /\.d\.[cm]?ts$/.test(file),
    );
  // Of a development and a production build (build-switch.ts), the larger is not read.
  const builds = buildSwitch(program);
  const skipped = builds ? otherBuild(builds, resolve, bytesOf) : null;
  const follow = (spec: string) => {
    if (spec === skipped) return;
    if (!spec.startsWith(".")) {
      module.caveats.push(`${file} re-exports all of ${spec}`);
      return;
    }
    const found = resolve(spec);
    if (found) module.stars.push(found);
    else module.caveats.push(`${file} re-exports ${spec}, not shipped`);
  };
  const namespace = (name: string, spec: string) => {
    const found = spec.startsWith(".") ? resolve(spec) : null;
    if (found) module.namespaces.push([name, found]);
  };
  esmExports(program, module.names, follow, namespace);
  // An ES module has no `module` or `exports` to assign: its surface is its export
  // statements, and the walk for CommonJS forms is skipped (most of a barrel's files).
  if ((child(program, "program") ?? program).sourceType !== "module")
    cjsExports(program, module, follow);
  return module;
}

/**
 * The build of a `buildSwitch` not to read: the larger, when both are shipped
 * (the other is read in its place); else none, so the shipped one is read.
 */
export function otherBuild(
  [a, b]: [string, string],
  resolve: (spec: string) => string | null,
  bytesOf: BytesOf,
): string | null {
  const fileA = resolve(a);
  const fileB = resolve(b);
  if (!fileA || !fileB) return null;
  return (bytesOf(fileB) ?? 0) < (bytesOf(fileA) ?? 0) ? a : b;
}

function esmExports(
  file: AstNode,
  names: Set<string>,
  follow: (spec: string) => void,
  namespace: (name: string, spec: string) => void,
): void {
  const body = children(child(file, "program") ?? file, "body");
  // `import * as ns from "./api"`: local name → specifier, for `export { ns }`.
  const imported = new Map<string, string>();
  for (const node of body) {
    if (node.type !== "ImportDeclaration") continue;
    const spec = literalString(child(node, "source"));
    for (const s of children(node, "specifiers"))
      if (s.type === "ImportNamespaceSpecifier" && spec !== null)
        imported.set(child(s, "local")?.name as string, spec);
  }
  for (const node of body) {
    if (node.type === "TSExportAssignment") {
      const members = namespaceMembers(body, child(node, "expression"));
      if (members.length > 0) for (const name of members) names.add(name);
      else names.add("default");
    } else if (node.type === "ExportDefaultDeclaration") {
      names.add("default");
    } else if (node.type === "ExportAllDeclaration") {
      const exported = keyName(child(node, "exported"), false);
      const spec = literalString(child(node, "source"));
      if (exported) {
        names.add(exported);
        if (spec !== null) namespace(exported, spec);
      } else if (spec !== null) follow(spec);
    } else if (node.type === "ExportNamedDeclaration") {
      const from = literalString(child(node, "source"));
      for (const s of children(node, "specifiers")) {
        const exported = keyName(child(s, "exported"), false) ?? "default";
        names.add(exported);
        if (s.type === "ExportNamespaceSpecifier" && from !== null) namespace(exported, from);
        const local = keyName(child(s, "local"), false);
        const spec = from === null && local !== null ? imported.get(local) : undefined;
        if (spec !== undefined) namespace(exported, spec);
      }
      const declaration = child(node, "declaration");
      if (declaration) for (const name of declaredNames(declaration)) names.add(name);
    }
  }
}

/**
 * `export = ts` over `declare namespace ts { … }` (typescript's own .d.ts):
 * the namespace's members are the API. Every declaration of an ambient
 * namespace is exported, with or without the keyword; merged blocks all count.
 */
function namespaceMembers(body: readonly AstNode[], expression: AstNode | null): string[] {
  if (expression?.type !== "Identifier") return [];
  const out: string[] = [];
  for (const node of body) {
    const declaration = node.type === "ExportNamedDeclaration" ? child(node, "declaration") : node;
    if (declaration?.type !== "TSModuleDeclaration") continue;
    if (child(declaration, "id")?.name !== expression.name) continue;
    for (const member of children(child(declaration, "body") ?? declaration, "body")) {
      const inner =
        member.type === "ExportNamedDeclaration" ? child(member, "declaration") : member;
      if (inner) pushAll(out, declaredNames(inner));
    }
  }
  return out;
}

function declaredNames(declaration: AstNode): string[] {
  if (declaration.type === "VariableDeclaration") {
    const out: string[] = [];
    for (const d of children(declaration, "declarations")) {
      walk(child(d, "id") ?? d, (n, parent) => {
        // Pattern keys (`{ a: b }`) are not bindings; the identifiers they bind are.
        if (
          n.type === "Identifier" &&
          !(parent?.type === "ObjectProperty" && parent.key === n && parent.value !== n)
        )
          out.push(n.name as string);
      });
    }
    return out;
  }
  const id = child(declaration, "id");
  return id && id.type === "Identifier" ? [id.name as string] : [];
}

function cjsExports(
  program: AstNode,
  surface: { names: Set<string>; caveats: string[] },
  follow: (spec: string) => void,
): void {
  const objects = new Map<string, AstNode>();
  const assignments: AstNode[] = [];
  walk(program, (node) => {
    if (node.type === "VariableDeclarator") {
      const id = child(node, "id");
      const init = child(node, "init");
      if (id?.type === "Identifier" && init?.type === "ObjectExpression")
        objects.set(id.name as string, init);
    } else if (node.type === "AssignmentExpression") assignments.push(node);
    else if (node.type === "CallExpression") exportCall(node, surface.names, follow);
  });
  for (const node of assignments) {
    const left = child(node, "left");
    const right = child(node, "right");
    if (!left || !right) continue;
    if (isModuleExports(left)) {
      const object = right.type === "Identifier" ? objects.get(right.name as string) : right;
      const required = requiredSpecifier(right);
      if (object?.type === "ObjectExpression") objectKeys(object, surface);
      else if (required !== null) follow(required);
      else surface.names.add("default");
    } else if (left.type === "MemberExpression") {
      const object = child(left, "object");
      if (object && (isExportsObject(object) || isModuleExports(object))) {
        const name = keyName(child(left, "property"), left.computed === true);
        if (name) surface.names.add(name);
      }
    }
  }
}

function objectKeys(object: AstNode, surface: { names: Set<string>; caveats: string[] }): void {
  for (const p of children(object, "properties")) {
    if (p.type === "SpreadElement") surface.caveats.push("module.exports spreads another object");
    else {
      const name = keyName(child(p, "key"), p.computed === true);
      if (name) surface.names.add(name);
    }
  }
}

/** `Object.defineProperty(exports, "x", …)` and `__exportStar(require("./x"), exports)`. */
function exportCall(call: AstNode, names: Set<string>, follow: (spec: string) => void): void {
  const callee = child(call, "callee");
  const args = children(call, "arguments");
  const calleeName =
    callee?.type === "Identifier"
      ? (callee.name as string)
      : callee?.type === "MemberExpression"
        ? keyName(child(callee, "property"), callee.computed === true)
        : null;
  const first = args[0] ?? null;
  if (
    calleeName === "defineProperty" &&
    first &&
    (isExportsObject(first) || isModuleExports(first))
  ) {
    const name = literalString(args[1] ?? null);
    if (name) names.add(name);
  } else if (calleeName === "__exportStar" || calleeName === "__export") {
    const spec = first ? requiredSpecifier(first) : null;
    if (spec !== null) follow(spec);
  }
}

function isExportsObject(node: AstNode): boolean {
  return node.type === "Identifier" && node.name === "exports";
}
