import type { SourceName } from "./types.js";

export interface SourceInfo {
  title: string;
  description: string;
  /** What jenga cannot say when this source is missing. */
  withoutIt: string;
}

/** Every data source, documented once; the report's glossary is rendered from here. */
export const sources = {
  registry: {
    title: "Package registry",
    description:
      "The packument from the npm registry configured for the project: versions and publish times, maintainers, deprecation, repository, license, install scripts, size.",
    withoutIt: "No publish history, deprecation or maintainer data: verdicts are low-confidence.",
  },
  git: {
    title: "Git history",
    description: "The package's source repository, cloned and read locally.",
    withoutIt: "No commit activity or maintainer depth.",
  },
  advisories: {
    title: "Vulnerability advisories",
    description:
      "Advisories affecting the package and how fast they were fixed: from the OSV API and the configured registry's bulk advisory endpoint (npm audit's source, undated), or from an OSV export given with --osv.",
    withoutIt: "Known vulnerabilities are not checked.",
  },
  issues: {
    title: "Issue tracker",
    description: "How fast upstream answers and closes bug reports.",
    withoutIt: "Responsiveness is unknown.",
  },
  usage: {
    title: "Code usage",
    description: "What the project imports from the package, and how much of it that is.",
    withoutIt: "Used and unused dependencies cannot be told apart.",
  },
} as const satisfies Record<SourceName, SourceInfo>;

export const sourceNames = Object.keys(sources) as SourceName[];
