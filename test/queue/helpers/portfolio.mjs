import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * A portfolio of small npm projects written as npm itself would (package.json and a v3
 * package-lock.json), each depending on a slice of `names`, neighbours overlapping so the
 * same package turns up in several projects. Plain JavaScript: the queue test and the
 * queue benchmark (test/bench/queue.mjs, run by node without a compiler) share it.
 * Returns the `--projects` list file.
 */
export async function writePortfolio(root, { names, projects, perProject, registryUrl }) {
  const dirs = [];
  for (let p = 0; p < projects; p++) {
    const dir = path.join(root, `project-${String(p).padStart(3, "0")}`);
    const picked = [];
    for (let i = 0; i < perProject; i++)
      picked.push(names[(p * Math.ceil(perProject / 2) + i) % names.length]);
    const unique = [...new Set(picked)].sort();
    const dependencies = Object.fromEntries(unique.map((n) => [n, "^1.0.0"]));
    const name = path.basename(dir);
    const lock = {
      name,
      version: "1.0.0",
      lockfileVersion: 3,
      requires: true,
      packages: {
        "": { name, version: "1.0.0", dependencies },
        ...Object.fromEntries(
          unique.map((n) => [`node_modules/${n}`, { version: "1.1.0", license: "MIT" }]),
        ),
      },
    };
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, "package.json"),
      JSON.stringify({ name, version: "1.0.0", private: true, dependencies }, null, 2),
    );
    await writeFile(path.join(dir, "package-lock.json"), JSON.stringify(lock, null, 2));
    await writeFile(path.join(dir, ".npmrc"), `registry=${registryUrl}\n`);
    dirs.push(dir);
  }
  const list = path.join(root, "projects.txt");
  await writeFile(list, `# the portfolio\n${dirs.map((d) => path.basename(d)).join("\n")}\n`);
  return list;
}

/** `count` package names, `pkg-000` on. */
export function packageNames(count) {
  return Array.from({ length: count }, (_, i) => `pkg-${String(i).padStart(3, "0")}`);
}
