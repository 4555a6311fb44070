import { readFile } from "node:fs/promises";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import publishedSchema from "../../src/result/jenga-result.schema.json" with { type: "json" };
import { resultJsonSchema } from "../../src/result/result-schema.js";
import { resultSchemaId } from "../../src/result/result-schema-id.js";
import type { JengaResult, PackageResult } from "../../src/result/types.js";
import { verdictNames } from "../../src/scoring/verdicts.js";
import { useSmallApp } from "../cli/small-app.js";
import { jengaResult, packageResult } from "../helpers/result.js";

const root = path.resolve(import.meta.dirname, "../..");

/** A standard validator: ajv, draft-07, with formats (generatedAt is a date-time). */
function compile(schema: object): ValidateFunction {
  // Strict, so a keyword ajv does not know fails here; union types (["string", "number"]) are standard.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

const published = compile(publishedSchema);
// Every object closed: a field the result has and the schema lacks is an error, so "valid" means exact.
const closed = compile(resultJsonSchema({ closed: true }));

function expectValid(result: unknown) {
  for (const validate of [published, closed]) {
    validate(result);
    expect(validate.errors ?? []).toEqual([]);
  }
}

/** One package per verdict, with every optional part of the contract present somewhere. */
function everyVerdict(): JengaResult {
  const packages: PackageResult[] = verdictNames.map((verdict, i) =>
    packageResult({
      name: `pkg-${verdict}`,
      verdict,
      direct: i % 2 === 0,
      scopes: i % 2 === 0 ? ["prod"] : ["dev", "optional"],
      health: verdict === "unknown" ? null : 40 + i * 10,
      confidence: verdict === "unknown" ? 0.1 : 0.75,
      scores: { sunset: verdict === "sunset" ? 80 : 0, adopt: 20, fix: 0, rewrite: -15 },
      repository: { url: `https://github.com/example/pkg-${verdict}`, directory: null },
      reasons: [
        {
          signal: "maintainers",
          code: "soleMaintainer",
          text: "one maintainer",
          action: verdict === "keep" || verdict === "unknown" ? null : verdict,
          points: 20,
        },
      ],
      signals: {
        deprecated: { value: verdict === "sunset", unit: "boolean", trusted: true },
        monthsSinceLastPublish: {
          value: null,
          unit: "months",
          trusted: false,
          note: "publish times look rewritten by a mirror",
        },
        majorsBehind: {
          value: 1,
          unit: "count",
          trusted: true,
          detail: { installed: "1.0.0", latest: "2.1.0", lines: 1 },
        },
        openAdvisories: { value: ["GHSA-xxxx-yyyy-zzzz"], unit: "list", trusted: true },
        commitsPerMonth: {
          value: [
            { month: "2024-01", count: 3, authors: 2 },
            { month: "2024-02", count: 0, authors: 0 },
          ],
          unit: "series",
          trusted: true,
        },
        releases: { value: [], unit: "series", trusted: true },
      },
      sources: {
        registry: "ok",
        git: verdict === "unknown" ? "unavailable: ENOTFOUND" : "ok",
        advisories: "offline: not in cache",
        issues: "skipped: --no-issues",
        usage: "ok",
      },
      waiver:
        verdict === "adopt" ? { reason: "we fund it", until: "2027-03-01", expired: false } : null,
    }),
  );
  return {
    ...jengaResult(packages, {
      notes: ["Publish times look rewritten for 1 of 6 packages."],
      config: {
        file: "/project/jenga.config.json",
        gate: {
          failOn: ["sunset", "unknown"],
          minHealth: 20,
          failOnSeverity: null,
          allowMissing: ["advisories", "git"],
          failOnMajorsBehind: 2,
        },
      },
    }),
    $schema: resultSchemaId,
  };
}

describe("the result's JSON Schema", () => {
  it("is the one generated from the result schema (npm run schema)", () => {
    expect(publishedSchema).toEqual(resultJsonSchema());
  });

  it("is what $schema names: the package export jenga/result.schema.json", async () => {
    const manifest = JSON.parse(await readFile(path.join(root, "package.json"), "utf8"));
    const target = manifest.exports[`./${resultSchemaId.replace(/^jenga\//, "")}`];
    expect(path.resolve(root, target)).toBe(
      path.join(root, "src", "result", "jenga-result.schema.json"),
    );
    expect(manifest.files).toContain(target.replace(/^\.\//, ""));
  });

  it("accepts a result with every verdict, unknown health and every optional field", () => {
    const result = everyVerdict();
    expect(result.summary).toEqual({
      keep: 1,
      fix: 1,
      adopt: 1,
      rewrite: 1,
      sunset: 1,
      unknown: 1,
    });
    expectValid(result);
  });

  it("accepts a gate policy written before allowMissing and failOnMajorsBehind existed", () => {
    const result = everyVerdict();
    result.config.gate = { failOn: ["sunset"], minHealth: 0, failOnSeverity: "high" };
    expectValid(result);
  });

  it("rejects what the contract does not allow", () => {
    // [what, where, the value put there (undefined: the field is removed)]
    const broken: [string, (string | number)[], unknown][] = [
      ["a verdict outside the set", ["packages", 0, "verdict"], "maybe"],
      ["health as text", ["packages", 0, "health"], "high"],
      ["a summary without unknown", ["summary", "unknown"], undefined],
      ["no $schema", ["$schema"], undefined],
      ["schemaVersion 2", ["schemaVersion"], 2],
      ["a source missing", ["packages", 0, "sources", "usage"], undefined],
      ["an unknown unit", ["packages", 0, "signals", "deprecated", "unit"], "furlongs"],
      ["no funders", ["funders"], undefined],
      ["a date that is not ISO", ["generatedAt"], "June 1st"],
    ];
    for (const [what, where, value] of broken) {
      const result = structuredClone(everyVerdict()) as unknown as Record<string | number, unknown>;
      const parent = where
        .slice(0, -1)
        .reduce((node, key) => node[key] as Record<string | number, unknown>, result);
      const key = where[where.length - 1] as string | number;
      if (value === undefined) delete parent[key];
      else parent[key] = value;
      expect(published(result), what).toBe(false);
    }
  });

  it("closes no object in the published copy: a later jenga may add fields", () => {
    const result = everyVerdict() as JengaResult & { addedLater?: unknown };
    result.addedLater = { anything: true };
    expect(published(result)).toBe(true);
    expect(closed(result)).toBe(false);
  });
});

describe("a real result", () => {
  const app = useSmallApp();

  it("from jenga analyze on the small app is valid, exactly", async () => {
    const run = await app.run(["analyze", "--json", "-", "--quiet"]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.$schema).toBe("jenga/result.schema.json");
    expect(new Set(result.packages.map((p: PackageResult) => p.verdict))).toEqual(
      new Set(["keep", "sunset", "unknown"]),
    );
    expectValid(result);
    // The report folder's copy is the same document.
    const written = JSON.parse(
      await readFile(path.join(app.state.project.dir, "reports", "jenga.json"), "utf8"),
    );
    expectValid(written);
  });
});
