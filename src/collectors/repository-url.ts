import hostedGitInfo from "hosted-git-info";
import { hasControlCharacters } from "../util/control-characters.js";

/**
 * Normalises a `repository` value as publishers write it (`git+https://…`,
 * `git+ssh://git@…`, `git://…`, `github:user/repo`, bare `user/repo`,
 * scp-like `git@host:user/repo.git`) into one browsable https URL.
 * Known hosts go through npm's own hosted-git-info; other hosts are parsed
 * strictly. The result is a display and identity key, not yet something safe
 * to hand to git: the git collector validates transports on its own.
 */

export interface NormalizedRepository {
  /** `https://host/owner/repo`, no `.git`, no credentials, no fragment. */
  url: string;
  /** Monorepo folder, without leading/trailing slashes, or null. */
  directory: string | null;
}

/** Longer values are not repository URLs; refusing them keeps hostile input cheap. */
const maxUrlLength = 1000;

export function normalizeRepositoryUrl(
  raw: string | null | undefined,
  directory: string | null = null,
): NormalizedRepository | null {
  if (!raw || raw.length > maxUrlLength || hasControlCharacters(raw) || /\s/.test(raw.trim()))
    return null;
  const value = raw.trim();
  const dir = normalizeDirectory(directory);
  const hosted = hostedGitInfo.fromUrl(value, { noCommittish: true, noGitPlus: true });
  if (hosted) {
    const url = hosted.browse().replace(/\/+$/, "").replace(/#.*$/, "");
    const tree = /\/tree\/[^/]+\/(.+)$/.exec(value.replace(/\.git$/, ""));
    return { url, directory: dir ?? normalizeDirectory(tree?.[1] ?? null) };
  }
  return parseOtherHost(value, dir);
}

function parseOtherHost(value: string, directory: string | null): NormalizedRepository | null {
  const url = otherHostUrl(value);
  if (!url) return null;
  const pathname = url.pathname.replace(/\.git$/, "").replace(/\/+$/, "");
  if (!pathname || pathname === "/") return null;
  return { url: `https://${url.hostname}${pathname}`, directory };
}

function otherHostUrl(value: string): URL | null {
  // scp-like `user@host:path` has no scheme; give it one so URL can parse it.
  const scp = /^([\w.-]+@)?([\w.-]+):(?!\/\/)(.+)$/.exec(value);
  const candidate = scp ? `ssh://${scp[1] ?? ""}${scp[2]}/${scp[3]}` : value.replace(/^git\+/, "");
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  // A host without a dot is a scheme misread as scp syntax (`javascript:…`) or a local name.
  if (!["https:", "http:", "ssh:", "git:"].includes(url.protocol) || !url.hostname.includes("."))
    return null;
  return url;
}

/**
 * What git clones for a `repository` value: the normalised https URL, except
 * that a URL naming a port on a host other than the known ones keeps its own
 * transport, user and port. `git://host:9418/x` is a git daemon, and
 * `ssh://git@host:2222/x` an ssh server, neither of which answers https on
 * the default port. The git collector still checks the transport and host.
 */
export function repositoryCloneTarget(
  raw: string | null | undefined,
  directory: string | null = null,
): NormalizedRepository | null {
  const normalized = normalizeRepositoryUrl(raw, directory);
  if (!normalized || !raw) return normalized;
  const value = raw.trim();
  if (hostedGitInfo.fromUrl(value, { noCommittish: true, noGitPlus: true })) return normalized;
  const url = otherHostUrl(value);
  if (!url?.port) return normalized;
  // Publishers write git+http for what hosts serve over https; the port stays theirs.
  const scheme = url.protocol === "http:" ? "https:" : url.protocol;
  const user = url.protocol === "ssh:" && url.username ? `${url.username}@` : "";
  const pathname = url.pathname.replace(/\/+$/, "");
  return { url: `${scheme}//${user}${url.host}${pathname}`, directory: normalized.directory };
}

function normalizeDirectory(directory: string | null): string | null {
  if (!directory) return null;
  const cleaned = directory.replace(/\\/g, "/").replace(/^\.?\/+|\/+$/g, "");
  // A directory that climbs out of the repository is nonsense or an attack.
  if (!cleaned || cleaned.split("/").includes("..")) return null;
  return cleaned;
}
