/**
 * The one place where findings become words. Each message names the signal's
 * value and, where there is one, the threshold it crossed.
 */
import { advisoryMessages } from "./advisories/messages.js";
import { issueMessages } from "./issues/messages.js";
import { usageMessages } from "./usage/messages.js";

type Args = Record<string, string | number>;

const plural = (n: number | string, one: string, many = `${one}s`) =>
  `${n} ${Number(n) === 1 ? one : many}`;

export const messages = {
  ...advisoryMessages,
  ...issueMessages,
  ...usageMessages,
  deprecated: (a: Args) => `deprecated by its publisher: "${a.message}"`,
  installedDeprecated: (a: Args) =>
    `installed ${a.versions} deprecated by its publisher ("${a.message}"); the latest version is not`,
  majorsBehind: (a: Args) =>
    `${plural(a.behind ?? 0, "major line")} behind (installed ${a.installed}, latest ${a.latest}): an upgrade to plan, not a problem of the package`,
  outOfSupportLine: (a: Args) =>
    `the installed line ${a.line} has had no release for ${a.months} months (out of support from ${a.threshold}) while ${a.latestLine} was released ${a.latestMonths} months ago: move to the maintained line`,
  soleMaintainer: (a: Args) =>
    a.from === "git"
      ? `one person made all ${a.commits} human commits of its last ${a.months} active months: nobody else ships fixes`
      : "one maintainer can publish it: nobody else can ship a fix",
  widelyDepended: (a: Args) =>
    `${plural(a.dependents ?? 0, "package")} in your tree depend on it (from ${a.threshold})`,
  nonTrivialSize: (a: Args) => `${a.size} ${a.what}: real work to replace (from ${a.threshold})`,
  tinyPackage: (a: Args) => `only ${a.size} ${a.what}: cheap to inline (under ${a.threshold})`,
  tinyWithInstallScript: (a: Args) => `a package of ${a.size} runs ${a.scripts} at install time`,
  noRepository: () => "declares no source repository: nobody can audit or adopt it",
  noLicense: () => "declares no license",
  installScripts: (a: Args) => `runs ${a.scripts} at install time`,
  recentPublish: (a: Args) => `published ${a.months} months ago`,
  maintainerDepth: (a: Args) => `${plural(a.count ?? 0, "maintainer")} can publish it`,
  abandoned: (a: Args) =>
    `${a.what} for ${a.months} months, and not small enough to be finished (abandoned from ${a.threshold})`,
  abandonedWithSuccessor: (a: Args) =>
    `${a.what} for ${a.months} months, and a maintained alternative exists: ${a.successor} (named by ${a.from})`,
  lowActivity: (a: Args) =>
    `${plural(a.commits ?? 0, "commit")} by people in the last 12 months (low from under ${a.threshold}) on a package too big to be finished`,
  finished: (a: Args) =>
    `${a.what} for ${a.months} months, but small (${a.size}) with no security fix in ${a.lookback}, no open advisory and no open bugs: finished, not abandoned`,
  busFactorOne: (a: Args) =>
    `bus factor 1: one person made at least half of the human commits of the last ${a.months} months (${plural(a.authors ?? 1, "author")} in all)`,
  decliningActivity: (a: Args) =>
    `${plural(a.last ?? 0, "commit")} by people in the last 12 months, down from ${a.previous} (declining at ${a.threshold} or less)`,
  recentCommit: (a: Args) => `last commit by a person ${a.months} months ago`,
  activeCommitters: (a: Args) =>
    `${a.count} people made at least ${a.min} commits each in the last 12 months`,
  belowThresholds: (a: Args) =>
    `no action reaches its threshold (highest: ${a.action} ${a.score} of ${a.threshold})`,
  openAdvisoriesHealth: (a: Args) =>
    `${plural(a.count ?? 0, "open advisory", "open advisories")} in the installed version (${a.ids}; worst ${a.severity})`,
  blocksFix: (a: Args) =>
    `holds back the fix of ${a.child} (${a.ids}): the fix is in a new major of ${a.child}, and ${a.parent} (${a.verdict}) is not moving to it`,
  fixBlockedBy: (a: Args) =>
    `its fix (${a.ids}) is in a new major that ${a.parent} (${a.verdict}) does not allow: replacing ${a.parent} is the way to it`,
  actVia: (a: Args) => `reached through ${a.via}: act there (upgrade, replace or fix upstream)`,
  wouldChange: (a: Args) => `would be ${a.verdict} if not for: ${a.because}`,
  waiverExpired: (a: Args) => `waiver expired on ${a.until} ("${a.reason}"): the finding is back`,
  internalError: (a: Args) =>
    `rule ${a.rule} failed on this package's evidence and was skipped: an internal error, please report it`,
  notEnoughEvidence: (a: Args) => `not enough evidence to decide: ${a.missing}`,
  registryUnavailable: (a: Args) =>
    `no registry data (${a.status}): verdict rests on the dependency graph alone`,
} as const satisfies Record<string, (args: Args) => string>;

export type MessageCode = keyof typeof messages;

export function formatMessage(code: MessageCode, args: Args): string {
  return messages[code](args);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
