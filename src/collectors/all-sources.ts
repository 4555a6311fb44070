import { advisoriesSource } from "./advisories/advisories-source.js";
import { gitSource } from "./git/git-source.js";
import { issuesSource } from "./issues/issues-source.js";
import { registrySource } from "./registry/registry-source.js";
import type { Source } from "./source.js";
import { usageSource } from "./usage/usage-source.js";

/**
 * Every data source, in the order they start. A source's `needs` must come
 * before it. Adding a source: a folder with its collector object, one line
 * here, its evidence type in ../collectors/types.ts and its entry in
 * ./sources.ts (the documentation table).
 */
export const allSources: readonly Source[] = [
  registrySource,
  advisoriesSource,
  usageSource,
  gitSource,
  issuesSource,
];
