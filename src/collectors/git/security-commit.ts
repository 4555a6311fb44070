/**
 * Whether a commit looks like a security fix: an advisory id anywhere in its
 * message, or a security word in its subject. Subjects typed as docs, chore or
 * ci (conventional commits) are skipped: "docs: add SECURITY.md" fixes nothing.
 */
const advisoryId = /\b(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})\b/i;
const securityWords =
  /\b(security|vulnerab\w*|exploit\w*|xss|csrf|ssrf|redos|prototype pollution|path traversal|directory traversal|injection|denial of service|dos vulnerability|buffer overflow|sanitiz\w*|escap(e|ing) untrusted)\b/i;
const housekeeping = /^(docs?|chore|ci|build|style|test)(\([^)]*\))?!?:/i;

export function isSecurityFix(subject: string, body: string): boolean {
  if (advisoryId.test(subject) || advisoryId.test(body)) return true;
  if (housekeeping.test(subject.trim())) return false;
  return securityWords.test(subject);
}

/**
 * Whether a commit closes a reported issue: GitHub's closing keywords with an issue
 * reference (`fixes #123`, `Closes: owner/repo#4`, `resolved GH-5`) in its subject or body.
 * Pull-request merges alone are not counted: a merge says work landed, not that a report
 * was fixed. Only references in the closing form count, so "see #12" does not.
 */
const closesIssue = /\b(fix(e[sd])?|close[sd]?|resolve[sd]?)\b:?\s+([\w.-]+\/[\w.-]+)?(#|GH-)\d+/i;

export function closesReport(subject: string, body: string): boolean {
  return closesIssue.test(subject) || closesIssue.test(body);
}
