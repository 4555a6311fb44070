import { pushAll } from "../../util/extremes.js";
import { type AstNode, children, literalString } from "./ast.js";

/** What a path built into `node_modules` reaches: a package's file, or an installed binary. */
export type NodeModulesTarget = { package: string } | { binary: string };

const packageName = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;

/**
 * A call whose literal arguments build a path into `node_modules`, the way
 * tests and scripts reach a package's file or binary without importing it:
 * `path.join(root, "node_modules", "@scope", "name", "register.mjs")` (a
 * loader handed to `node --import`), `path.join(root, "node_modules", ".bin",
 * "tool")` (spawned), `path.resolve(dir, "node_modules/name/bin.js")`. Only
 * literal segments right after `node_modules` count: a variable there
 * (`"node_modules", name`) names nothing jenga can read.
 */
export function nodeModulesPath(call: AstNode): NodeModulesTarget | null {
  const args = children(call, "arguments").map(literalString);
  const start = args.findIndex((a) => a?.split("/").includes("node_modules"));
  if (start < 0) return null;
  const first = args[start] as string;
  const segments = first.split("/").slice(first.split("/").lastIndexOf("node_modules") + 1);
  for (const arg of args.slice(start + 1)) {
    if (arg === null) break;
    pushAll(segments, arg.split("/"));
  }
  const parts = segments.filter((s) => s !== "" && s !== ".");
  const [head, next] = parts;
  if (!head) return null;
  if (head === ".bin") return next ? { binary: next } : null;
  const name = head.startsWith("@") ? (next ? `${head}/${next}` : null) : head;
  return name && packageName.test(name) ? { package: name } : null;
}
