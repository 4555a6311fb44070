import {
  type AstNode,
  child,
  children,
  isModuleExports,
  keyName,
  literalString,
  requiredSpecifier,
} from "./ast.js";

/**
 * The entry React, Vue, MobX and every TSDX- or preconstruct-built package
 * ships: one `if` on `process.env.NODE_ENV` that loads the production build in
 * one branch and the development build in the other.
 *
 *     if (process.env.NODE_ENV === "production") {
 *       module.exports = require("./cjs/react-dom.production.min.js");
 *     } else {
 *       module.exports = require("./cjs/react-dom.development.js");
 *     }
 *
 * The two are builds of one source: they load the same packages and export
 * the same names. Both count as reached code; only the smaller is read for
 * what it loads and exports (react-dom's development build is 1 MB, a tenth
 * of a cold run's parsing). Returns the two specifiers, or null.
 */
export function buildSwitch(file: AstNode): [string, string] | null {
  const body = children(child(file, "program") ?? file, "body");
  for (const node of body) {
    if (node.type !== "IfStatement" || !isNodeEnvTest(child(node, "test"))) continue;
    const a = requiredExport(child(node, "consequent"));
    const b = requiredExport(child(node, "alternate"));
    if (a !== null && b !== null && a !== b && a.startsWith(".") && b.startsWith("."))
      return [a, b];
  }
  return null;
}

/** `process.env.NODE_ENV === "production"`, either way round, with any equality operator. */
function isNodeEnvTest(test: AstNode | null): boolean {
  if (test?.type !== "BinaryExpression" || !/^[!=]==?$/.test(String(test.operator))) return false;
  const left = child(test, "left");
  const right = child(test, "right");
  return (
    (isNodeEnv(left) && literalString(right) !== null) ||
    (isNodeEnv(right) && literalString(left) !== null)
  );
}

function isNodeEnv(node: AstNode | null): boolean {
  if (
    node?.type !== "MemberExpression" ||
    keyName(child(node, "property"), node.computed === true) !== "NODE_ENV"
  )
    return false;
  const env = child(node, "object");
  if (env?.type !== "MemberExpression") return false;
  const process = child(env, "object");
  return (
    process?.type === "Identifier" &&
    process.name === "process" &&
    keyName(child(env, "property"), env.computed === true) === "env"
  );
}

/** The one `module.exports = require("x")` of a branch (a statement or a block), else null. */
function requiredExport(branch: AstNode | null): string | null {
  if (!branch) return null;
  const statements = branch.type === "BlockStatement" ? children(branch, "body") : [branch];
  const found: string[] = [];
  for (const statement of statements) {
    const expression =
      statement.type === "ExpressionStatement" ? child(statement, "expression") : null;
    if (expression?.type !== "AssignmentExpression" || expression.operator !== "=") continue;
    const left = child(expression, "left");
    const right = child(expression, "right");
    const spec = left && right && isModuleExports(left) ? requiredSpecifier(right) : null;
    if (spec !== null) found.push(spec);
  }
  return found.length === 1 ? (found[0] as string) : null;
}
