/**
 * A loose view of babel's AST: enough to walk it and read the few node types
 * the import extraction needs, without depending on @babel/types.
 */
export interface AstNode {
  type: string;
  loc?: { start: { line: number } } | null;
  [key: string]: unknown;
}

export function isNode(value: unknown): value is AstNode {
  return typeof value === "object" && value !== null && typeof (value as AstNode).type === "string";
}

export function child(node: AstNode, key: string): AstNode | null {
  const value = node[key];
  return isNode(value) ? value : null;
}

export function children(node: AstNode, key: string): AstNode[] {
  const value = node[key];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

export function lineOf(node: AstNode): number {
  return node.loc?.start.line ?? 0;
}

/** Babel's location and comment fields: never walked. */
const skipKeys = new Set([
  "loc",
  "start",
  "end",
  "extra",
  "leadingComments",
  "trailingComments",
  "innerComments",
  "range",
  "errors",
  "comments",
  "tokens",
]);

/**
 * Node types that never hold a node (babel's definitions give them no visitor
 * keys): half the nodes of a typical file, whose keys need not be listed.
 */
const leafTypes = new Set([
  "StringLiteral",
  "NumericLiteral",
  "BooleanLiteral",
  "NullLiteral",
  "BigIntLiteral",
  "RegExpLiteral",
  "DirectiveLiteral",
  "TemplateElement",
  "ThisExpression",
  "Super",
  "Import",
  "JSXIdentifier",
  "JSXText",
  "EmptyStatement",
  "DebuggerStatement",
]);

/** An identifier holds a node only as its type annotation or a parameter's decorators. */
function isLeaf(node: AstNode): boolean {
  if (node.type === "Identifier") return node.typeAnnotation == null && node.decorators == null;
  return leafTypes.has(node.type);
}

/**
 * Visits every node depth-first with its parent. Iterative, so a deeply
 * nested (or hostile) file cannot overflow the stack. This loop runs once per
 * node of every parsed file (millions on a large project), so it allocates
 * nothing per node (two parallel stacks, not a pair each), skips the keys of
 * leaves, and tests a value's kind before the key's name: most values are
 * strings and numbers.
 */
export function walk(root: AstNode, visit: (node: AstNode, parent: AstNode | null) => void): void {
  const nodes: AstNode[] = [root];
  const parents: (AstNode | null)[] = [null];
  while (nodes.length > 0) {
    const node = nodes.pop() as AstNode;
    visit(node, parents.pop() as AstNode | null);
    if (isLeaf(node)) continue;
    const keys = Object.keys(node);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      const value = node[key];
      if (typeof value !== "object" || value === null) continue;
      if (Array.isArray(value)) {
        if (skipKeys.has(key)) continue;
        for (let i = value.length - 1; i >= 0; i--) {
          const item: unknown = value[i];
          if (isNode(item)) {
            nodes.push(item);
            parents.push(node);
          }
        }
      } else if (isNode(value) && !skipKeys.has(key)) {
        nodes.push(value);
        parents.push(node);
      }
    }
  }
}

/** The literal text of a string or an expression-free template literal, else null. */
export function literalString(node: AstNode | null): string | null {
  if (!node) return null;
  if (node.type === "StringLiteral") return node.value as string;
  if (node.type === "TemplateLiteral" && children(node, "expressions").length === 0) {
    const quasi = children(node, "quasis")[0];
    return ((quasi?.value as { cooked?: string } | undefined)?.cooked ?? null) as string | null;
  }
  return null;
}

/** The name of an identifier or string-keyed property (`a` in `x.a`, `x["a"]`, `{ a }`), else null. */
export function keyName(node: AstNode | null, computed: boolean): string | null {
  if (!node) return null;
  if (!computed && (node.type === "Identifier" || node.type === "JSXIdentifier")) {
    return node.name as string;
  }
  return literalString(node);
}

/** `module.exports`. */
export function isModuleExports(node: AstNode): boolean {
  if (node.type !== "MemberExpression") return false;
  const object = child(node, "object");
  return (
    object?.type === "Identifier" &&
    object.name === "module" &&
    keyName(child(node, "property"), node.computed === true) === "exports"
  );
}

/** The literal `x` of `require("x")`, else null. */
export function requiredSpecifier(node: AstNode): string | null {
  if (node.type !== "CallExpression") return null;
  const callee = child(node, "callee");
  if (callee?.type !== "Identifier" || callee.name !== "require") return null;
  return literalString(children(node, "arguments")[0] ?? null);
}
