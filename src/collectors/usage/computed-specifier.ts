import { pushAll } from "../../util/extremes.js";
import { type AstNode, child, children, lineOf, literalString } from "./ast.js";

/** A specifier jenga cannot read as one string: `import(cond ? "a" : "b")`, `require(name)`. */
export interface ComputedSpecifier {
  line: number;
  detail: string;
  /** Every literal it can be when it is a choice between literals; null when it can be anything. */
  choices: string[] | null;
  /** The fixed start of a template or concatenation (`./locales/`, `plugin-`), else "". */
  prefix: string;
}

/** Reads what can be known of a non-literal specifier. */
export function computedSpecifier(arg: AstNode | null, call: string): ComputedSpecifier {
  const line = arg ? lineOf(arg) : 0;
  const choices = arg ? literalChoices(arg) : null;
  const prefix = arg ? fixedPrefix(arg) : "";
  const shown = choices ? choices.map((c) => JSON.stringify(c)).join(" | ") : `${prefix}…`;
  return { line, detail: `${call}(${shown})`, choices, prefix };
}

/** `c ? "a" : "b"`, `x || "a"` with literal leaves: the leaves; anything else: null. */
function literalChoices(node: AstNode): string[] | null {
  const literal = literalString(node);
  if (literal !== null) return [literal];
  const parts =
    node.type === "ConditionalExpression"
      ? [child(node, "consequent"), child(node, "alternate")]
      : node.type === "LogicalExpression"
        ? [child(node, "left"), child(node, "right")]
        : null;
  if (!parts) return null;
  const out: string[] = [];
  for (const part of parts) {
    const leaves = part ? literalChoices(part) : null;
    if (!leaves) return null;
    pushAll(out, leaves);
  }
  return out;
}

function fixedPrefix(node: AstNode): string {
  if (node.type === "TemplateLiteral") {
    const first = children(node, "quasis")[0];
    return (first?.value as { cooked?: string } | undefined)?.cooked ?? "";
  }
  if (node.type === "BinaryExpression" && node.operator === "+") {
    const left = child(node, "left");
    return literalString(left) ?? (left ? fixedPrefix(left) : "");
  }
  return "";
}
