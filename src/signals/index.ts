import { advisorySignals } from "./advisories/index.js";
import type { SignalId } from "./catalog.js";
import type { EvidenceSet, Signal } from "./define-signal.js";
import { activeMaintainers } from "./git/active-maintainers.js";
import { busFactor } from "./git/bus-factor.js";
import { codeBytes } from "./git/code-bytes.js";
import { commitTrend } from "./git/commit-trend.js";
import { commitsLast12Months } from "./git/commits-last-12-months.js";
import { commitsPerMonth } from "./git/commits-per-month.js";
import { linesOfCode } from "./git/lines-of-code.js";
import { monthsSinceLastHumanCommit } from "./git/months-since-last-human-commit.js";
import { monthsSinceLastTag } from "./git/months-since-last-tag.js";
import { publishMatchesTags } from "./git/publish-matches-tags.js";
import { recentAuthors } from "./git/recent-authors.js";
import { releases } from "./git/releases.js";
import { reportFixesPerYear } from "./git/report-fixes-per-year.js";
import { securityFixCommits } from "./git/security-fix-commits.js";
import { sourceFiles } from "./git/source-files.js";
import { tagsPerYear } from "./git/tags-per-year.js";
import { topAuthorShare } from "./git/top-author-share.js";
import { truckFactor } from "./git/truck-factor.js";
import { dependents } from "./inventory/dependents.js";
import { direct } from "./inventory/direct.js";
import { issueSignals } from "./issues/index.js";
import { maintenanceNotice } from "./issues/maintenance-notice.js";
import { ageYears } from "./registry/age-years.js";
import { dependencyCount } from "./registry/dependency-count.js";
import { deprecated } from "./registry/deprecated.js";
import { installScripts } from "./registry/install-scripts.js";
import { installedDeprecated } from "./registry/installed-deprecated.js";
import { installedLineMonths } from "./registry/installed-line-months.js";
import { license } from "./registry/license.js";
import { maintainers } from "./registry/maintainers.js";
import { majorsBehind } from "./registry/majors-behind.js";
import { monthsSinceLastPublish } from "./registry/months-since-last-publish.js";
import { publishTimesTrusted } from "./registry/publish-times-trusted.js";
import { releasesPerYear } from "./registry/releases-per-year.js";
import { replacement } from "./registry/replacement.js";
import { repository } from "./registry/repository.js";
import { unpackedSize } from "./registry/unpacked-size.js";
import { versionCount } from "./registry/version-count.js";
import { usageSignals } from "./usage/index.js";

/**
 * Every signal jenga computes, in report order. A meta-test checks that each
 * file under src/signals/<source>/ is listed here, documented in the catalog,
 * and covered by a test.
 */
export const allSignals = [
  deprecated,
  installedDeprecated,
  majorsBehind,
  installedLineMonths,
  replacement,
  monthsSinceLastPublish,
  releasesPerYear,
  maintainers,
  versionCount,
  ageYears,
  publishTimesTrusted,
  publishMatchesTags,
  license,
  repository,
  installScripts,
  unpackedSize,
  dependencyCount,
  monthsSinceLastHumanCommit,
  commitsLast12Months,
  commitTrend,
  activeMaintainers,
  truckFactor,
  busFactor,
  recentAuthors,
  topAuthorShare,
  tagsPerYear,
  monthsSinceLastTag,
  securityFixCommits,
  reportFixesPerYear,
  sourceFiles,
  codeBytes,
  linesOfCode,
  commitsPerMonth,
  releases,
  ...advisorySignals,
  maintenanceNotice,
  ...issueSignals,
  ...usageSignals,
  direct,
  dependents,
] as const satisfies readonly Signal<keyof EvidenceSet>[];

export type { SignalId };
