/**
 * The advisory findings' words (spread into `messages` in ../messages.ts).
 * Each names the advisory ids, the installed version and what to do.
 */
type Args = Record<string, string | number>;

export const advisoryMessages = {
  openAdvisoryFixable: (a: Args) =>
    `${a.ids} (worst: ${a.severity}) affect${String(a.ids).includes(",") ? "" : "s"} installed ${a.installed}; fixed upstream: upgrade ${a.upgrades}${Number(a.crossesMajor) === 1 ? " (a new major)" : ""}`,
  maliciousPackage: (a: Args) =>
    `known malicious package (${a.ids}) installed as ${a.installed}: remove it now and rotate any secret the machines that installed it could read`,
  openAdvisoryUnfixed: (a: Args) =>
    `${a.ids} affect${String(a.ids).includes(",") ? "" : "s"} installed ${a.installed} with no fixed version upstream: send or fund a fix`,
  chronicAdvisoriesSmall: (a: Args) =>
    `${a.rate} advisories a year over ${a.years} years on a package of ${a.size} (chronic from ${a.threshold} a year under ${a.small})`,
  advisoriesNeglected: (a: Args) =>
    `${a.share}% of ${a.total} advisories were never fixed (neglected from ${a.threshold}%)`,
  slowFixes: (a: Args) =>
    `advisories take a median ${a.days} days to be fixed (slow from ${a.threshold} days)`,
} as const satisfies Record<string, (args: Args) => string>;
