import { readFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.js";

/**
 * `--projects FILE`: a portfolio, one project path (folder, lockfile or SBOM) a line.
 * Blank lines and lines starting with `#` are skipped; relative paths are relative to the
 * file's own folder, so a list works from wherever jenga runs.
 */
export async function readProjectList(file: string, cwd: string): Promise<string[]> {
  const resolved = path.resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(resolved, "utf8");
  } catch (error) {
    throw new InputError(
      file,
      `cannot read the project list (${(error as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  const paths = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => path.resolve(path.dirname(resolved), line));
  if (paths.length === 0)
    throw new InputError(file, "lists no project", undefined, "one project path a line");
  return paths;
}
