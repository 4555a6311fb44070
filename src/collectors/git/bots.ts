/**
 * Accounts that commit on their own: dependency updaters, CI, formatters.
 * Their commits say nothing about whether people maintain the package, so
 * they are left out of people counts and activity measures.
 */
const botNames =
  /\[bot\]$|^(dependabot(-preview)?|renovate(-bot)?|greenkeeper(io)?|github-actions|snyk-bot|semantic-release-bot|allcontributors|all-contributors|imgbot(app)?|codecov(-io)?|mergify|pre-commit-ci|depfu|pyup-bot|whitesource-bolt|deepsource-autofix|restyled-io|transifex-integration)\b/i;
const botEmails =
  /\[bot\]@|^(dependabot|renovate|greenkeeper|snyk-bot|github-actions)@|@(dependabot\.com|renovateapp\.com|greenkeeper\.io|snyk\.io)$/i;

export function isBot(name: string, email: string): boolean {
  return botNames.test(name.trim()) || botEmails.test(email.trim());
}
