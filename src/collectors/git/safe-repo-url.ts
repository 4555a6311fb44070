import { hasControlCharacters } from "../../util/control-characters.js";

/**
 * Decides whether a repository URL taken from package metadata (written by
 * strangers) may be handed to git. Only network transports are accepted:
 * git's `ext::` and other `<helper>::` remote helpers run programs, file paths
 * and `file://` read the user's disk, and a leading `-` is an option injection
 * (`--upload-pack=…`, `-oProxyCommand=…`). A URL the user's own git config
 * rewrites (`url.<x>.insteadOf`) is the user's choice and is not second-guessed.
 */

export type SafeRepoUrl = { ok: true; url: string } | { ok: false; why: string };

/** Longer values are not repository URLs; refusing them keeps hostile input cheap. */
const maxUrlLength = 1000;
const schemes = new Set(["https:", "ssh:", "git:"]);
/** `user@host:path` as git reads it: no scheme, a host, a colon, a path that is not `//`. */
const scpLike = /^([A-Za-z0-9._~-]+)@([A-Za-z0-9.-]+):(?!\/\/)([A-Za-z0-9._~/-]+)$/;

export function safeRepoUrl(raw: string): SafeRepoUrl {
  if (raw.length === 0) return { ok: false, why: "empty repository URL" };
  if (raw.length > maxUrlLength) return { ok: false, why: "repository URL too long" };
  if (hasControlCharacters(raw) || /\s/.test(raw))
    return { ok: false, why: "repository URL contains whitespace or control characters" };
  if (raw.startsWith("-")) return { ok: false, why: "repository URL starts with '-'" };
  // `ext::sh -c …`, `fd::`, `transport::address`: git runs a remote helper for these.
  if (raw.includes("::")) return { ok: false, why: "remote helpers (<transport>::) are refused" };
  const scp = scpLike.exec(raw);
  if (scp) {
    const [, user, host, path] = scp;
    if (host?.startsWith("-") || user?.startsWith("-") || path?.startsWith("-"))
      return { ok: false, why: "repository URL has a part starting with '-'" };
    return { ok: true, url: raw };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, why: "not a URL (file paths are refused)" };
  }
  if (!schemes.has(url.protocol))
    return { ok: false, why: `transport ${url.protocol.replace(/:$/, "")} is refused` };
  if (!url.hostname || url.hostname.startsWith("-"))
    return { ok: false, why: "repository URL has no usable host" };
  // ssh://git@host is a user name, not a secret; a password, or any user on https, is a credential.
  if (url.password || (url.username && url.protocol !== "ssh:"))
    return { ok: false, why: "repository URL embeds credentials" };
  if (url.pathname.length <= 1) return { ok: false, why: "repository URL has no path" };
  return { ok: true, url: raw };
}
