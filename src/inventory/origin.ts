import type { PackageOrigin } from "./types.js";

/**
 * Where a package comes from, judged from the spec a manifest declares
 * (`file:../x`, `github:a/b`, `^1.2.0`) or the URL a lockfile resolved it to.
 * Only registry packages get registry evidence, so a wrong "registry" sends the
 * collectors looking for a package that may belong to someone else.
 */
export function originOfSpec(spec: string | undefined, name: string): PackageOrigin {
  if (!spec) return "registry";
  if (spec.startsWith("npm:")) return "registry";
  if (spec.startsWith("workspace:")) return "workspace";
  if (spec.startsWith("link:") || spec.startsWith("portal:")) return "link";
  if (spec.startsWith("file:") || spec.startsWith("exec:")) return "file";
  if (isGitSpec(spec)) return "git";
  if (/^https?:\/\//i.test(spec)) return isRegistryTarball(spec, name) ? "registry" : "remote";
  // Relative and absolute folders are file specs in npm and yarn.
  if (/^(\.{1,2}\/|\/|~\/)/.test(spec)) return "file";
  return "registry";
}

/** git transports, the hosted shortcuts, and `user/repo` GitHub shorthand. */
function isGitSpec(spec: string): boolean {
  if (/^(git\+[a-z]+:|git:|ssh:|github:|gitlab:|bitbucket:|gist:)/i.test(spec)) return true;
  if (/^https?:\/\/[^#]+\.git(#.*)?$/i.test(spec)) return true;
  // scp-like ssh, as npm accepts it: `git@github.com:a/b.git`.
  if (/^[\w.-]+@[\w.-]+:(?!\/\/)/.test(spec)) return true;
  // yarn berry records git resolutions as `...#commit=<sha>`.
  if (/#commit=[0-9a-f]{7,40}/i.test(spec)) return true;
  return /^[a-z0-9][\w.-]*\/[\w.-]+(#.*)?$/i.test(spec) && !spec.includes(":");
}

/**
 * Registry tarballs have the shape `<registry>/<name>/-/<base>-<version>.tgz`,
 * also under a path prefix (Artifactory, Verdaccio) or with an encoded scope.
 */
export function isRegistryTarball(url: string, name: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return false;
  }
  return path.includes(`/${name}/-/`);
}
