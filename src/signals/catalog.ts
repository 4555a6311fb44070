import { advisorySignalCatalog } from "./advisories/catalog-entries.js";
import { issueSignalCatalog } from "./issues/catalog-entries.js";
import { usageSignalCatalog } from "./usage/catalog-entries.js";

/**
 * Every signal, documented once: what it measures, in which unit, why it
 * matters and what to do about it. `satisfies Record<SignalId, …>` means a new
 * signal does not compile until it is documented here; the report's glossary
 * is rendered from this table.
 */

export type Unit =
  | "boolean"
  | "months"
  | "years"
  | "count"
  | "per-year"
  | "bytes"
  | "text"
  | "list"
  | "ratio"
  | "per-kloc"
  | "days"
  /** A list of points over time, oldest first, such as `[{ month: "2024-01", count: 3 }]`. */
  | "series";

export interface SignalInfo {
  title: string;
  unit: Unit;
  description: string;
  why: string;
  remediation: string;
}

export const signalCatalog = {
  ...advisorySignalCatalog,
  ...issueSignalCatalog,
  ...usageSignalCatalog,
  deprecated: {
    title: "Deprecated",
    unit: "boolean",
    description: "The latest version carries a deprecation message from its publisher.",
    why: "The publisher itself says the package should not be used.",
    remediation: "Follow the deprecation message: move to the successor or remove the package.",
  },
  installedDeprecated: {
    title: "Installed version deprecated",
    unit: "list",
    description: "Installed versions that their publisher deprecated.",
    why: "Versions are usually deprecated for a bug or a vulnerability; a newer release fixes it.",
    remediation: "Upgrade to a version that is not deprecated.",
  },
  monthsSinceLastPublish: {
    title: "Months since last publish",
    unit: "months",
    description: "Time since the newest version was published.",
    why: "A long silence is either a finished package or an abandoned one; other signals tell which.",
    remediation: "Check whether upstream still answers reports before relying on it for new work.",
  },
  releasesPerYear: {
    title: "Releases per year",
    unit: "per-year",
    description: "Stable releases per year over the last three years.",
    why: "Regular releases show that fixes reach users.",
    remediation: "None by itself; read together with open reports.",
  },
  maintainers: {
    title: "Maintainers",
    unit: "count",
    description: "Accounts allowed to publish the package.",
    why: "A single publisher is a bus factor of one: nobody else can ship a fix.",
    remediation: "Offer co-maintenance, or fund the maintainer.",
  },
  versionCount: {
    title: "Versions",
    unit: "count",
    description: "Versions ever published.",
    why: "Context for release cadence and maturity.",
    remediation: "None.",
  },
  ageYears: {
    title: "Age",
    unit: "years",
    description: "Years since the first version was published.",
    why: "An old package with no recent releases is more likely finished than a young one.",
    remediation: "None.",
  },
  license: {
    title: "License",
    unit: "text",
    description: "The license the latest version declares.",
    why: "An unlicensed package cannot legally be used, forked or adopted.",
    remediation: "Ask upstream to declare a license, or replace the package.",
  },
  repository: {
    title: "Repository",
    unit: "text",
    description: "The source repository the package declares, normalised.",
    why: "Without a repository nobody can read, audit, fix or adopt the code.",
    remediation: "Ask upstream to declare its repository.",
  },
  installScripts: {
    title: "Install scripts",
    unit: "list",
    description: "Lifecycle scripts that run when the installed versions are installed.",
    why: "Install scripts run arbitrary code on every developer and CI machine.",
    remediation: "Check that the script is needed; install with --ignore-scripts where possible.",
  },
  unpackedSize: {
    title: "Unpacked size",
    unit: "bytes",
    description: "Size of the newest installed version once unpacked.",
    why: "A tiny package is cheap to inline; a large one is costly to replace.",
    remediation: "None by itself.",
  },
  dependencyCount: {
    title: "Dependencies",
    unit: "count",
    description: "Runtime dependencies of the newest installed version.",
    why: "Each dependency is more code to trust and more places to break.",
    remediation: "None by itself.",
  },
  majorsBehind: {
    title: "Major versions behind",
    unit: "count",
    description: "Major versions between the newest installed version and the latest release.",
    why: "Old major lines usually stop receiving fixes, including security fixes.",
    remediation: "Plan the upgrade to the latest major.",
  },
  direct: {
    title: "Direct dependency",
    unit: "boolean",
    description: "Declared by the project itself, rather than brought in by another package.",
    why: "You choose a direct dependency's version and can replace it; a transitive one is chosen by its parent.",
    remediation: "For a transitive package, act on the direct dependency that brings it in.",
  },
  dependents: {
    title: "Dependents in your tree",
    unit: "count",
    description: "Packages and workspaces in the analyzed projects that depend on it.",
    why: "The more of your tree rests on a package, the more its failure costs and the harder it is to remove.",
    remediation: "None by itself; it raises the stakes of every other finding.",
  },
  publishTimesTrusted: {
    title: "Publish times trusted",
    unit: "boolean",
    description:
      "Whether the registry's publish times look real. Mirrors often replace them with the time they copied each version.",
    why: "Age-based signals computed from copy times would be nonsense; jenga ignores them instead.",
    remediation:
      "Point jenga at a registry that keeps publish times (see the README on private registries).",
  },
  publishMatchesTags: {
    title: "Publish times match git tags",
    unit: "boolean",
    description:
      "Whether each version that has a git tag (v1.2.3, 1.2.3, name@1.2.3) was published within two months of its tag; false names the first that was not.",
    why: "A proxy that keeps the packument's created and modified dates but rewrites each version's time passes every check of the packument alone; the tags give it away.",
    remediation:
      "Point jenga at a registry that keeps publish times; meanwhile git history stands in for releases.",
  },
  replacement: {
    title: "Replacement",
    unit: "list",
    description:
      "Replacements the e18e module-replacements data lists: a native API, a one-line snippet, or a preferred package.",
    why: "A package the platform now covers is a dependency with no remaining value.",
    remediation: "Use the native API or the snippet, then remove the package.",
  },
  installedLineMonths: {
    title: "Months since the installed line's last release",
    unit: "months",
    description:
      "Time since the newest release of the installed major line (a 0.x minor counts as a line), with the latest line's in the detail.",
    why: "A line its maintainers no longer release while they maintain a newer one is out of support: its bugs and holes stay unfixed.",
    remediation: "Move to the maintained major line.",
  },
  reportFixesPerYear: {
    title: "Report fixes a year",
    unit: "per-year",
    description:
      "Human commits a year, over the last three years, that close a reported issue (`fixes #123`, `closes owner/repo#4`), read from the clone; the detail gives the rate per 1,000 source lines. A lower bound: many fixes name no issue.",
    why: "How often reports arrive and get fixed, without any API: a steady flow means users report and maintainers act; many fixes for a little code means a package that keeps breaking.",
    remediation: "None by itself; read with the issue tracker's figures when the API is available.",
  },
  busFactor: {
    title: "Bus factor (recent)",
    unit: "count",
    description:
      "The fewest people who together made at least half of the commits by people in the policy's recent window (36 months by default): CHAOSS's contributor absence factor.",
    why: "Unlike the whole-history truck factor, it follows today's team: a founder who stepped back years ago does not make an active project look like a one-person one.",
    remediation: "Spread knowledge: co-maintain, review, document; fund a second maintainer.",
  },
  recentAuthors: {
    title: "Recent human authors",
    unit: "count",
    description:
      "Distinct people (mailmap-aware, bots left out) who made the human commits of the policy's window (24 months by default) up to the newest human commit.",
    why: "When the registry hides who can publish (a mirror strips maintainers), the history still shows whether one person carries the package.",
    remediation: "None by itself; read with the silence and the package's size.",
  },
  monthsSinceLastHumanCommit: {
    title: "Months since last human commit",
    unit: "months",
    description:
      "Time since the newest commit by a person (bots such as Dependabot and Renovate are left out) touching the package's folder.",
    why: "Bots keep abandoned repositories looking busy; only people fix bugs and answer reports.",
    remediation:
      "For a large package, check whether anyone still answers reports; offer to co-maintain or fund it.",
  },
  commitsLast12Months: {
    title: "Commits in the last 12 months",
    unit: "count",
    description:
      "Commits by people in the last 12 months (the 12 months before are in the detail).",
    why: "Shows whether the code is still being worked on.",
    remediation: "None by itself; read together with open reports and the package's size.",
  },
  commitTrend: {
    title: "Commit trend",
    unit: "ratio",
    description:
      "Commits by people in the last 12 months divided by those in the 12 months before (1 is steady, below 1 is slowing).",
    why: "A project that is winding down shows it in its commits before its maintainers say so.",
    remediation: "Ask upstream about its plans; consider funding or co-maintaining it.",
  },
  activeMaintainers: {
    title: "Active committers",
    unit: "count",
    description:
      "People with at least the policy's number of commits in the last 12 months (mailmap-aware, bots left out).",
    why: "More than one active person means a fix does not wait for one person's free time.",
    remediation: "Offer co-maintenance, or fund the people doing the work.",
  },
  truckFactor: {
    title: "Truck factor",
    unit: "count",
    description:
      "How many authors would have to leave for more than half of the files to have no author who knows them (Avelino et al. 2016, degree of authorship).",
    why: "A truck factor of 1 means one person holds the knowledge of most of the code.",
    remediation: "Spread knowledge: co-maintain, review, document; fund a second maintainer.",
  },
  topAuthorShare: {
    title: "Top author's share",
    unit: "ratio",
    description: "Share of the last two years' commits by people that the most active author made.",
    why: "When one person makes nearly every commit, the project stops when they do.",
    remediation: "None by itself; read together with the truck factor.",
  },
  tagsPerYear: {
    title: "Tags per year",
    unit: "per-year",
    description: "Git tags per year over the last three years.",
    why: "Tags mark releases; a tag rate far from the registry's release rate hints at releases made elsewhere.",
    remediation: "None by itself.",
  },
  monthsSinceLastTag: {
    title: "Months since last tag",
    unit: "months",
    description: "Time since the newest tag (tagger date, else the tagged commit's date).",
    why: "Commits that never reach a release do not reach users.",
    remediation: "Ask upstream for a release when fixes wait unreleased.",
  },
  securityFixCommits: {
    title: "Security fix commits",
    unit: "count",
    description:
      "Commits by people in the last five years that name a CVE or GHSA id, or say security, vulnerability, XSS, injection… in their subject (docs, chore and ci commits left out).",
    why: "A package that keeps needing security fixes is not finished, however quiet it is now.",
    remediation: "Make sure security fixes keep reaching you: watch its advisories and releases.",
  },
  sourceFiles: {
    title: "Source files",
    unit: "count",
    description:
      "Source code files (.js, .ts, .c, .rs… by extension) at HEAD in the package's folder of its repository; all files are in the detail.",
    why: "How much code someone adopting or rewriting the package takes on.",
    remediation: "None by itself; read together with how much of it you use.",
  },
  codeBytes: {
    title: "Source size",
    unit: "bytes",
    description:
      "Total size of those source files at HEAD. jenga's clones are blobless (no file contents); the clone step then fetches the contents of HEAD's source files in the package's folder only, once, in one request, at most 5,000 files. Unknown, with a note, when that fetch failed or was skipped.",
    why: "A better measure of the code to own than the published tarball, which may be bundled or minified.",
    remediation: "None by itself.",
  },
  linesOfCode: {
    title: "Lines of code",
    unit: "count",
    description:
      "Lines in those source files at HEAD (blank lines and comments included), from the same fetched contents as the source size; unknown when it is.",
    why: "The usual measure of how much code someone adopting or rewriting the package takes on.",
    remediation: "None by itself; read together with how much of it you use.",
  },
  commitsPerMonth: {
    title: "Commits per month",
    unit: "series",
    description:
      "Commits by people per calendar month (UTC) touching the package's folder, with the number of distinct people active that month (`authors`); bots left out, empty months included, at most the last ten years.",
    why: "Shows at a glance whether work is steady, fading, or carried by one person in bursts.",
    remediation: "None by itself; the report charts it on the package's page.",
  },
  releases: {
    title: "Tags per month",
    unit: "series",
    description:
      "Git tags per calendar month (tagger date, else the tagged commit's) over at most the last ten years; months without tags left out. In a monorepo the tags are the whole repository's.",
    why: "Commits that never reach a release do not reach users; releases show when fixes shipped.",
    remediation: "None by itself; the report charts it beside the commits.",
  },
} as const satisfies Record<string, SignalInfo>;

export type SignalId = keyof typeof signalCatalog;
