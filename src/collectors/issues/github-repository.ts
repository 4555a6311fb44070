/**
 * Which repositories the issue collector can read: github.com ones, named by
 * an owner and a repository name as GitHub allows them (so neither can
 * change the API path they are put in).
 */
export interface GitHubRepository {
  owner: string;
  name: string;
  /** `https://github.com/owner/name`: the cache key and the evidence's name. */
  url: string;
}

/** GitHub's own rules: owners are alphanumerics and single dashes; names add `.` and `_`. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** From a normalised repository URL (`https://github.com/owner/name[/…]`), or null. */
export function gitHubRepository(url: string): GitHubRepository | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (
    parsed.hostname.toLowerCase() !== "github.com" &&
    parsed.hostname.toLowerCase() !== "www.github.com"
  )
    return null;
  const [owner, rawName] = parsed.pathname.split("/").filter(Boolean);
  const name = rawName?.replace(/\.git$/i, "");
  if (!owner || !name || !OWNER.test(owner) || !NAME.test(name) || name === "." || name === "..")
    return null;
  return { owner, name, url: `https://github.com/${owner}/${name}`.toLowerCase() };
}
