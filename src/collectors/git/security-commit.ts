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
