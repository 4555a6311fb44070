import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { InputKind } from "../../src/inventory/types.js";
import { locateInTexts, type ProjectTexts } from "../../src/reports/locate-declarations.js";
import { fixtures } from "../helpers/cli.js";
import { packageResult } from "../helpers/result.js";

const scenarios: [string, InputKind, string][] = [
  ["npm-v1", "npm-lock", "package-lock.json"],
  ["npm-v3", "npm-lock", "package-lock.json"],
  ["pnpm-v6", "pnpm-lock", "pnpm-lock.yaml"],
  ["pnpm-v9", "pnpm-lock", "pnpm-lock.yaml"],
  ["yarn-classic", "yarn-classic", "yarn.lock"],
  ["yarn-berry", "yarn-berry", "yarn.lock"],
];

async function project(scenario: string, kind: InputKind, lockfile: string): Promise<ProjectTexts> {
  const dir = path.join(fixtures, "inventory", scenario);
  const text = (file: string) => readFile(path.join(dir, file), "utf8");
  return {
    path: `/${scenario}`,
    kind,
    manifest: { file: "package.json", text: await text("package.json") },
    lockfile: { file: lockfile, text: await text(lockfile) },
  };
}

describe("locateInTexts", () => {
  it.each(scenarios)(
    "%s: direct in package.json, transitive in the lockfile",
    async (scenario, kind, lockfile) => {
      const texts = await project(scenario, kind, lockfile);
      const packages = [
        packageResult({ name: "debug", direct: true, projects: [texts.path] }),
        packageResult({ name: "@types/node", direct: true, projects: [texts.path] }),
        packageResult({ name: "color-name", direct: false, projects: [texts.path] }),
      ];
      const locations = locateInTexts(packages, [texts]);
      const lineOf = (file: string, line: number) =>
        (file === "package.json" ? texts.manifest : texts.lockfile)?.text.split("\n")[line - 1];
      const debug = locations.get("debug");
      expect(debug?.file).toBe("package.json");
      expect(lineOf("package.json", debug?.line ?? 0)).toContain('"debug": "^4.3.4"');
      const types = locations.get("@types/node");
      expect(lineOf("package.json", types?.line ?? 0)).toContain('"@types/node"');
      const colorName = locations.get("color-name");
      expect(colorName?.file).toBe(lockfile);
      expect(colorName?.line).toBeGreaterThan(1);
      expect(lineOf(lockfile, colorName?.line ?? 0)).toContain("color-name");
    },
  );

  it("falls back to line 1 of the lockfile for a package it cannot find, nothing without files", () => {
    const texts: ProjectTexts = {
      path: "/p",
      kind: "npm-lock",
      manifest: { file: "package.json", text: "{}" },
      lockfile: { file: "sub/package-lock.json", text: '{ "packages": {} }' },
    };
    const ghost = packageResult({ name: "ghost", direct: false, projects: ["/p"] });
    expect(locateInTexts([ghost], [texts]).get("ghost")).toEqual({
      file: "sub/package-lock.json",
      line: 1,
    });
    expect(locateInTexts([ghost], []).size).toBe(0);
  });

  it("finds a component by name in a CycloneDX SBOM", () => {
    const bom = JSON.stringify({ components: [{ name: "a" }, { name: "left-pad" }] }, null, 2);
    const texts: ProjectTexts = {
      path: "/bom.json",
      kind: "cyclonedx",
      manifest: null,
      lockfile: { file: "bom.json", text: bom },
    };
    const location = locateInTexts(
      [packageResult({ name: "left-pad", projects: ["/bom.json"] })],
      [texts],
    ).get("left-pad");
    expect(bom.split("\n")[(location?.line ?? 0) - 1]).toContain('"left-pad"');
  });
});
