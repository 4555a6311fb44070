import { advisoriesNeglected } from "./advisories/advisories-neglected.js";
import { chronicAdvisoriesSmall } from "./advisories/chronic-advisories-small.js";
import { maliciousPackage } from "./advisories/malicious-package.js";
import { openAdvisoriesHealth } from "./advisories/open-advisories-health.js";
import { openAdvisoryFixable } from "./advisories/open-advisory-fixable.js";
import { openAdvisoryUnfixed } from "./advisories/open-advisory-unfixed.js";
import { slowFixes } from "./advisories/slow-fixes.js";
import type { Rule } from "./define-rule.js";
import { issuesQuietFinished } from "./issues/issues-quiet-finished.js";
import { readmeLookingForMaintainers } from "./issues/readme-looking-for-maintainers.js";
import { readmeUnmaintained } from "./issues/readme-unmaintained.js";
import { repoArchived } from "./issues/repo-archived.js";
import { reportsPilingUp } from "./issues/reports-piling-up.js";
import { slowResponses } from "./issues/slow-responses.js";
import { abandoned } from "./maintenance/abandoned.js";
import { abandonedWithSuccessor } from "./maintenance/abandoned-with-successor.js";
import { activeCommitters } from "./maintenance/active-committers.js";
import { busFactorOne } from "./maintenance/bus-factor-one.js";
import { decliningActivity } from "./maintenance/declining-activity.js";
import { finished } from "./maintenance/finished.js";
import { lowActivity } from "./maintenance/low-activity.js";
import { recentCommit } from "./maintenance/recent-commit.js";
import { deprecated } from "./registry/deprecated.js";
import { installScripts } from "./registry/install-scripts.js";
import { installedDeprecated } from "./registry/installed-deprecated.js";
import { maintainerDepth } from "./registry/maintainer-depth.js";
import { majorsBehind } from "./registry/majors-behind.js";
import { noLicense } from "./registry/no-license.js";
import { noRepository } from "./registry/no-repository.js";
import { nonTrivialSize } from "./registry/non-trivial-size.js";
import { outOfSupportLine } from "./registry/out-of-support-line.js";
import { recentPublish } from "./registry/recent-publish.js";
import { soleMaintainer } from "./registry/sole-maintainer.js";
import { tinyPackage } from "./registry/tiny-package.js";
import { tinyWithInstallScript } from "./registry/tiny-with-install-script.js";
import { widelyDepended } from "./registry/widely-depended.js";
import { deadCodeOnly } from "./usage/dead-code-only.js";
import { declaredNeverImported } from "./usage/declared-never-imported.js";
import { heavilyUsed } from "./usage/heavily-used.js";
import { largeUsedFraction } from "./usage/large-used-fraction.js";
import { microUtilityReplacement } from "./usage/micro-utility-replacement.js";
import { misplacedDeclaration } from "./usage/misplaced-declaration.js";
import { misplacedInDependencies } from "./usage/misplaced-in-dependencies.js";
import { nativeReplacement } from "./usage/native-replacement.js";
import { smallUsedFraction } from "./usage/small-used-fraction.js";
import { typesShippedByPackage } from "./usage/types-shipped-by-package.js";
import { usageUnknown } from "./usage/usage-unknown.js";

/**
 * Every scoring rule, in the order `jenga rules` lists them: removal first,
 * then maintenance, replacement, fixes, health facts and notes. A meta-test
 * checks that every file under rules/<group>/ that defines a rule is listed.
 */
export const allRules: readonly Rule[] = [
  deprecated,
  repoArchived,
  readmeUnmaintained,
  maliciousPackage,
  declaredNeverImported,
  typesShippedByPackage,
  deadCodeOnly,
  abandonedWithSuccessor,
  abandoned,
  soleMaintainer,
  busFactorOne,
  widelyDepended,
  nonTrivialSize,
  decliningActivity,
  lowActivity,
  readmeLookingForMaintainers,
  reportsPilingUp,
  advisoriesNeglected,
  nativeReplacement,
  microUtilityReplacement,
  tinyPackage,
  tinyWithInstallScript,
  chronicAdvisoriesSmall,
  smallUsedFraction,
  largeUsedFraction,
  heavilyUsed,
  openAdvisoryFixable,
  openAdvisoryUnfixed,
  installedDeprecated,
  outOfSupportLine,
  slowFixes,
  slowResponses,
  openAdvisoriesHealth,
  noRepository,
  noLicense,
  installScripts,
  finished,
  recentCommit,
  recentPublish,
  activeCommitters,
  maintainerDepth,
  issuesQuietFinished,
  majorsBehind,
  misplacedInDependencies,
  misplacedDeclaration,
  usageUnknown,
];

export const ruleIds = allRules.map((r) => r.id);
