import type { JengaResult, PackageResult } from "../result/types.js";
import { type Action, actions, verdicts } from "../scoring/verdicts.js";
import { replaceControlCharacters } from "../util/control-characters.js";
import type { DeclarationLocation, DeclarationLocations } from "./locate-declarations.js";
import { sourceGaps } from "./source-gaps.js";

type SarifLevel = "error" | "warning" | "note";

/**
 * The level of each verdict's rule when the gate policy does not list it.
 * sunset is an error: the package should go, whatever else happens. adopt and
 * fix are warnings: real risk or a concrete problem, but nothing in the
 * user's code is wrong. rewrite is a note: an opportunity to save a dependency.
 * A verdict listed in the result's `gate.failOn` is always an error, so the
 * code-scanning view and `jenga gate` agree.
 */
export const sarifLevels = {
  sunset: "error",
  adopt: "warning",
  fix: "warning",
  rewrite: "note",
  // Not a finding about the package: a gap in the evidence, shown so it is not mistaken for health.
  unknown: "note",
} as const satisfies Record<Reported, SarifLevel>;

/** The verdicts a SARIF log reports: every action, and unknown. */
type Reported = Action | "unknown";
const reported: readonly Reported[] = [...actions, "unknown"];

/** How many reasons the message quotes; the rest are in the property bag and the report. */
const messageReasons = 3;

const srcRoot = "%SRCROOT%";

export function ruleId(action: Reported): string {
  return `jenga/${action}`;
}

/**
 * Pure: the JSON result as a SARIF 2.1.0 log. One rule per action, one result
 * per package whose verdict is not keep, located where the package is
 * declared (`locations`, by name). A live waiver becomes an external
 * suppression, so it shows as dismissed rather than vanishing.
 */
export function renderSarif(result: JengaResult, locations: DeclarationLocations): string {
  const failOn = new Set<string>(result.config.gate.failOn);
  const levelOf = (action: Reported): SarifLevel =>
    failOn.has(action) ? "error" : sarifLevels[action];
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            rules: reported.map((action) => rule(action, levelOf(action))),
          },
        },
        columnKind: "utf16CodeUnits",
        // What the evidence lacked, said once per run, never per result.
        properties: { sourceGaps: sourceGaps(result).map(clean), notes: result.notes.map(clean) },
        results: result.packages.flatMap((p) =>
          p.verdict === "keep" ? [] : [sarifResult(p, p.verdict, levelOf(p.verdict), locations)],
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function rule(action: Reported, level: SarifLevel) {
  const info = verdicts[action];
  return {
    id: ruleId(action),
    name: info.title,
    shortDescription: { text: `${info.title}: ${info.meaning}` },
    fullDescription: { text: `${info.meaning} ${info.remediation}` },
    help: { text: info.remediation, markdown: `**${info.title}**: ${info.remediation}` },
    defaultConfiguration: { level },
    properties: { tags: ["dependencies", "supply-chain"] },
  };
}

function sarifResult(
  p: PackageResult,
  action: Reported,
  level: SarifLevel,
  locations: DeclarationLocations,
) {
  const location = locations.get(p.name);
  return {
    ruleId: ruleId(action),
    ruleIndex: reported.indexOf(action),
    level,
    message: { text: message(p, action) },
    ...(location ? { locations: [physicalLocation(location)] } : {}),
    // Lines move as package.json changes; the package name is what identifies the finding.
    partialFingerprints: { "jengaPackage/v1": clean(p.name) },
    ...(p.waiver && !p.waiver.expired
      ? {
          suppressions: [
            {
              kind: "external",
              justification: clean(`${p.waiver.reason} (waived until ${p.waiver.until})`),
            },
          ],
        }
      : {}),
    properties: {
      package: clean(p.name),
      versions: p.versions.map(clean),
      direct: p.direct,
      via: p.via.map(clean),
      health: p.health,
      confidence: p.confidence,
      scores: p.scores,
      reasons: p.reasons.map((r) => clean(r.text)),
    },
  };
}

function message(p: PackageResult, action: Reported): string {
  const reached = p.direct ? "" : ` (via ${p.via.join(", ")})`;
  const reasons = p.reasons
    .slice(0, messageReasons)
    .map((r) => r.text)
    .join("; ");
  return clean(
    `${action} ${p.name}@${p.versions.join(", ")}${reached}: ${reasons || "no reason recorded"}`,
  );
}

function physicalLocation(location: DeclarationLocation) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeUri(location.file), uriBaseId: srcRoot },
      region: { startLine: location.line },
    },
  };
}

/** Relative path → relative URI reference: each segment percent-encoded, slashes kept. */
function encodeUri(file: string): string {
  return file.split("/").map(encodeURIComponent).join("/");
}

/** Strangers' text reaches consoles and web views that render SARIF: no control characters. */
function clean(text: string): string {
  return replaceControlCharacters(text);
}
