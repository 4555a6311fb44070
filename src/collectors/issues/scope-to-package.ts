import type { IssuesEvidence } from "./types.js";

/** Shorter names ("ui", "db") match too many unrelated labels to identify a package. */
const minTokenLength = 3;

/**
 * Narrows a monorepo's issue evidence to one package, where the repository
 * tags issues by package: a label that is the package's name, its name
 * without the scope, or its folder's name, alone or after a prefix
 * (`pkg: babel-core`, `package/babel-core`, `scope: @babel/core`). Without
 * such a label the repository's issues stand in, and `scope` says so.
 * The open backlog and pull requests are counted for the whole repository
 * either way: their lists carry no labels.
 */
export function scopeToPackage(
  evidence: IssuesEvidence,
  name: string,
  directory: string | null,
): IssuesEvidence {
  if (!directory) return evidence;
  const tokens = new Set(
    [name, name.replace(/^@[^/]+\//, ""), directory.split("/").pop() ?? ""]
      .map((t) => t.toLowerCase())
      .filter((t) => t.length >= minTokenLength),
  );
  const labelFor = (labels: string[] | undefined) =>
    labels?.find((label) => tokens.has(label) || [...tokens].some((t) => endsWithToken(label, t)));
  let matched: string | undefined;
  const issues = evidence.issues.filter((issue) => {
    const label = labelFor(issue.labels);
    matched ??= label;
    return label !== undefined;
  });
  if (issues.length === 0 || matched === undefined) return { ...evidence, scope: "repository" };
  return { ...evidence, issues, scope: `label ${matched}` };
}

/** `pkg: x`, `package/x`, `area - x`: the token after a separator, ending the label. */
function endsWithToken(label: string, token: string): boolean {
  if (!label.endsWith(token)) return false;
  const before = label.slice(0, label.length - token.length);
  return /[\s:/-]$/.test(before);
}
