import { readUserConfig } from "./git-process.js";

/**
 * The URL prefixes the user's git config rewrites (`url.<base>.insteadOf`). A
 * repository URL starting with one is not contacted as written: git sends it
 * where the user said, so a private address there is the user's own mapping
 * (a corporate mirror), not a stranger's choice.
 */
export async function insteadOfPrefixes(
  env: Record<string, string | undefined>,
): Promise<string[]> {
  const prefixes: string[] = [];
  // Exit 1 when there is none; that, or no git at all, means no rewrites.
  await readUserConfig(["--get-regexp", "^url\\..*\\.insteadof$"], {
    env,
    timeoutMs: 10_000,
    onLine: (line) => {
      const space = line.indexOf(" ");
      if (space > 0 && space < line.length - 1) prefixes.push(line.slice(space + 1));
    },
  }).catch(() => undefined);
  return prefixes;
}

/** Whether git would rewrite `url` by one of the prefixes before contacting anything. */
export function isRewritten(url: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => url.startsWith(prefix));
}
