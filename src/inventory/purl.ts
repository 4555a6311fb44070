/** Package URLs (https://github.com/package-url/purl-spec), the one identity every SBOM format shares. */

export interface NpmPurl {
  name: string;
  version: string;
  qualifiers: URLSearchParams;
}

/** `pkg:npm/%40scope/name@1.0.0?qualifiers#subpath`; producers differ on encoding the `@` of a scope. */
export function parsePurl(purl: string): NpmPurl | null {
  if (!purl.startsWith("pkg:npm/")) return null;
  let rest = purl.slice("pkg:npm/".length).split("#")[0] ?? "";
  const question = rest.indexOf("?");
  const qualifiers = new URLSearchParams(question < 0 ? "" : rest.slice(question + 1));
  if (question >= 0) rest = rest.slice(0, question);
  const at = rest.lastIndexOf("@");
  const hasVersion = at > 0 && !rest.slice(at).includes("/");
  try {
    const name = decodeURIComponent(hasVersion ? rest.slice(0, at) : rest);
    const version = hasVersion ? decodeURIComponent(rest.slice(at + 1)) : "";
    return { name, version, qualifiers };
  } catch {
    return null;
  }
}

/**
 * The ecosystem of a purl (`composer`, `pypi`, `maven`), lowercased as the
 * spec says types are case-insensitive; null when the text is not a purl.
 * Types are short words, so anything longer or oddly spelled is not one.
 */
export function purlType(purl: string): string | null {
  const match = /^pkg:\/*([a-z][a-z0-9.+-]{0,31})\//i.exec(purl);
  return match?.[1] ? match[1].toLowerCase() : null;
}
