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
 * Visits every node depth-first with its parent. Iterative, so a deeply
 * nested (or hostile) file cannot overflow the stack.
 */
export function walk(root: AstNode, visit: (node: AstNode, parent: AstNode | null) => void): void {
  const stack: [AstNode, AstNode | null][] = [[root, null]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop() as [AstNode, AstNode | null];
    visit(node, parent);
    for (const key of Object.keys(node)) {
      if (skipKeys.has(key)) continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          if (isNode(value[i])) stack.push([value[i], node]);
        }
      } else if (isNode(value)) stack.push([value, node]);
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
