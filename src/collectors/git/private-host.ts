import { BlockList, isIP } from "node:net";

/**
 * Hosts a repository URL from package metadata may not make jenga contact:
 * `localhost` and literal loopback, link-local, private and unspecified
 * addresses. A stranger's `repository` of `https://169.254.169.254/…` would
 * otherwise reach a cloud's metadata service, or a service on the user's own
 * network, from inside their CI. Names are not resolved: a public name that
 * resolves to a private address is the DNS owner's doing, and corporate git
 * mirrors on private addresses are allowed by name in the config
 * (`git.allowHosts`).
 */

const privateRanges = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", and 0.0.0.0 reaches the local host
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT (RFC 6598)
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, where cloud metadata services live
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const)
  privateRanges.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
] as const)
  privateRanges.addSubnet(network, prefix, "ipv6");

/** `user@host:path`, as git reads it (see safe-repo-url.ts). */
const scpLike = /^[^@/]+@([^:/]+):(?!\/\/)/;

/** The URL's host, lower case, without brackets or a trailing dot; null when there is none. */
export function hostOfRepoUrl(url: string): string | null {
  const scp = scpLike.exec(url);
  let host: string;
  if (scp?.[1]) host = scp[1];
  else {
    try {
      // WHATWG parsing also turns `2130706433` and `0x7f.1` into 127.0.0.1.
      host = new URL(url).hostname;
    } catch {
      return null;
    }
  }
  return (
    host
      .toLowerCase()
      .replace(/^\[|\]$/g, "")
      .replace(/\.$/, "") || null
  );
}

/** Whether `host` (as hostOfRepoUrl gives it) is localhost or a literal private address. */
export function isPrivateHost(host: string): boolean {
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const family = isIP(host);
  if (family === 4) return privateRanges.check(host, "ipv4");
  // IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are checked against the IPv4 ranges too.
  if (family === 6) return privateRanges.check(host, "ipv6");
  return false;
}
