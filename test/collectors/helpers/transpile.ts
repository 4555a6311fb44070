/**
 * Child processes run plain JavaScript, so a test that needs the registry
 * client in a child (to give it its own heap limit) transpiles the client and
 * its relative imports with TypeScript into a scratch folder inside the repo,
 * where bare imports (undici...) still resolve from node_modules.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Static imports and re-exports, and `import("./x.js")` of modules loaded when needed. */
const RELATIVE_IMPORT = /(?:from\s+|import\()"(\.{1,2}\/[^"]+)\.js"/g;

/**
 * Transpiles `entry` (a path relative to the repo root, e.g.
 * `src/collectors/registry/registry-client.ts`) and everything it imports
 * relatively into `outDir`, keeping the layout; returns the entry's output path.
 */
export async function transpileTree(entry: string, outDir: string): Promise<string> {
  const pending = [path.join(REPO_ROOT, entry)];
  const done = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (done.has(file)) continue;
    done.add(file);
    const source = await readFile(file, "utf8");
    for (const match of source.matchAll(RELATIVE_IMPORT)) {
      pending.push(path.resolve(path.dirname(file), `${match[1]}.ts`));
    }
    const output = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    const target = path.join(outDir, path.relative(REPO_ROOT, file)).replace(/\.ts$/, ".js");
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, output.outputText);
  }
  return path.join(outDir, entry).replace(/\.ts$/, ".js");
}
