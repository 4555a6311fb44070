import { z } from "zod";
import { sourceNames } from "../collectors/sources.js";
import { defaultPolicy } from "../scoring/policy.js";
import { ruleIds } from "../scoring/rules/index.js";
import { verdictNames } from "../scoring/verdicts.js";

/**
 * The config file's schema (`jenga.config.json`, or a `jenga` key in
 * package.json). Unknown keys are errors, so a typo never silently does
 * nothing. The published JSON Schema (jenga.schema.json beside this file) is
 * generated from it; a test keeps the two in step.
 */

const verdict = z.enum(verdictNames as [string, ...string[]]);

/**
 * Every numeric group of the policy may be overridden key by key, nested
 * groups included (advisories.points.fixableBySeverity.high): the schema is
 * derived from the defaults, so a new policy number is configurable the moment
 * it exists, and a misspelt key is an error.
 */
function numbersOf(group: object): z.ZodOptional<z.ZodType> {
  return z.strictObject(numberShape(group)).optional();
}

function numberShape(group: object): Record<string, z.ZodOptional<z.ZodType>> {
  const shape: Record<string, z.ZodOptional<z.ZodType>> = {};
  for (const [key, value] of Object.entries(group)) {
    if (typeof value === "number") shape[key] = z.number().min(0).optional();
    else if (value && typeof value === "object" && !Array.isArray(value))
      shape[key] = numbersOf(value);
  }
  return shape;
}

/** The git group: its policy numbers, and the private hosts package metadata may name. */
const gitGroup = z
  .strictObject({
    ...numberShape(defaultPolicy.git),
    allowHosts: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "Hosts that repository URLs from package metadata may name although they are localhost or a private, loopback or link-local address (a corporate git mirror). Others are skipped.",
      ),
  })
  .optional();

/**
 * The usage group: its policy numbers, and the escape hatches for what code
 * reading cannot see. Unlike the top-level `ignore`, neither drops a package
 * from the report.
 */
const usageGroup = z
  .strictObject({
    ...numberShape(defaultPolicy.usage),
    ignoreDependencies: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "Packages to take as used although no code, config or script jenga reads uses them (loaded by a tool jenga does not know, or from outside the project). They stay in the report with every other finding; only `unused` is ruled out.",
      ),
    entry: z
      .array(z.string().min(1))
      .optional()
      .describe(
        "More entry files (project-relative paths or globs, `src/workers/*.ts`) that run in production although no package.json names them: what they import is runtime, and they are not dead code.",
      ),
  })
  .optional();

/** The policy groups a config may override, in the order the README documents them. */
export const numericPolicyGroups = [
  "thresholds",
  "points",
  "healthPenalties",
  "registry",
  "git",
  "advisories",
  "issues",
  "usage",
  "sourceWeights",
  "impact",
] as const;

const severityFloor = z.enum(["low", "medium", "high", "critical"]);

const isoDate = z
  .string()
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)),
    "must be an ISO date such as 2027-03-01",
  );

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  gate: z
    .strictObject({
      failOn: z.array(verdict).optional().describe("Verdicts that make `jenga gate` fail."),
      minHealth: z
        .number()
        .min(0)
        .max(100)
        .optional()
        .describe("Packages below this health fail the gate."),
      failOnSeverity: severityFloor
        .nullable()
        .optional()
        .describe(
          "Packages with an open advisory of this severity or worse fail the gate (default high); null turns the check off.",
        ),
      allowMissing: z
        .array(z.enum(sourceNames as unknown as [string, ...string[]]))
        .optional()
        .describe(
          "Sources whose absence the gate accepts: a check that needs them passes as not checked instead of failing (advisories for failOnSeverity, git for minHealth when health is unknown).",
        ),
      failOnMajorsBehind: z
        .number()
        .int()
        .min(1)
        .nullable()
        .optional()
        .describe("Direct dependencies this many major lines behind latest fail the gate."),
    })
    .optional(),
  rules: z
    .strictObject(
      Object.fromEntries(
        ruleIds.map((id) => [
          id,
          z
            .strictObject({
              enabled: z.boolean().optional(),
              points: z.number().optional(),
              health: z.number().min(0).optional(),
            })
            .optional(),
        ]),
      ),
    )
    .optional()
    .describe(
      "Per-rule overrides by rule id (`jenga rules` lists them): turn one off, or change its points or health cost.",
    ),
  waivers: z
    .array(
      z.strictObject({
        package: z.string().min(1),
        reason: z.string().min(1),
        until: isoDate.describe(
          "The waiver expires at the end of this day; after it the finding is back.",
        ),
      }),
    )
    .optional(),
  ignore: z.array(z.string().min(1)).optional().describe("Package names left out of the analysis."),
  includeDev: z.boolean().optional().describe("Analyze dev dependencies (default true)."),
  ...Object.fromEntries(
    numericPolicyGroups.map((group) => [group, numbersOf(defaultPolicy[group])]),
  ),
  git: gitGroup,
  usage: usageGroup,
});

export type JengaConfig = z.infer<typeof configSchema>;

export function configJsonSchema(): unknown {
  return z.toJSONSchema(configSchema, { target: "draft-7" });
}
