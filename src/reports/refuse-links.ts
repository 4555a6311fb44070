import { lstat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.js";

/**
 * Refuses to write through a symbolic link. The output folder usually lives
 * in the repository under analysis, whose author can ship
 * `reports/packages -> ~/.ssh` or `jenga.sarif -> ~/.npmrc`; writing through
 * them would put jenga's files outside the project. Every existing component
 * of `target` below `trusted` must be a real file or folder; `trusted` and
 * its parents are the user's choice (their working folder, or the folder an
 * output path outside it names).
 */
export async function refuseLinks(trusted: string, target: string): Promise<void> {
  const relative = path.relative(trusted, target);
  let current = trusted;
  for (const part of relative.split(path.sep)) {
    if (part === "") continue;
    current = path.join(current, part);
    const info = await lstat(current).catch(() => null);
    // What does not exist yet, jenga creates as a real folder or file.
    if (!info) return;
    if (info.isSymbolicLink())
      throw new InputError(
        current,
        "is a symbolic link; jenga never writes through one (remove it, or choose another output path)",
      );
  }
}

/** The folder whose links the user answers for: `cwd` when `target` is inside it, else the target's own folder. */
export function trustedFolder(cwd: string, target: string): string {
  const relative = path.relative(cwd, target);
  const outside =
    relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return outside ? path.dirname(target) : cwd;
}
