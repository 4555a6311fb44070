import type { EvidenceMaps } from "../../src/collectors/types.js";
import { validate } from "../../src/config/load-config.js";
import type { InventoryPackage } from "../../src/inventory/types.js";
import { buildResult, type ResultInput } from "../../src/result/build-result.js";
import type { JengaResult } from "../../src/result/types.js";
import { now } from "./evidence.js";

/**
 * `buildResult` over one project of `packages`, with the sources this test does not give
 * skipped and the default config: each test states only the evidence it is about.
 */
export function resultFrom(
  packages: InventoryPackage[],
  input: Partial<EvidenceMaps> &
    Partial<Omit<ResultInput, "inventory" | "evidence">> & {
      warnings?: string[];
      root?: string;
    } = {},
): JengaResult {
  const { warnings = [], root = "/p", registry, git, advisories, issues, usage, ...rest } = input;
  return buildResult({
    inventory: {
      projects: [{ path: root, name: "p", lockfile: null, kind: "package-json" }],
      packages,
      warnings,
    },
    evidence: {
      registry: registry ?? new Map(),
      ...(git ? { git } : {}),
      ...(advisories ? { advisories } : {}),
      ...(issues ? { issues } : {}),
      ...(usage ? { usage } : {}),
    },
    statuses: {
      git: "skipped: --no-git",
      advisories: "skipped: --no-advisories",
      issues: "skipped",
      usage: "skipped",
    },
    config: validate("test", {}),
    now,
    toolVersion: "0.0.0-test",
    ...rest,
  });
}
