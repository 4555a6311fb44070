import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readManifests } from "../../src/collectors/usage/read-manifests.js";
import { readInventory } from "../../src/inventory/read-inventory.js";
import { fixturePath, readFixture } from "../inventory/fixture.js";

// Issue 15 item 18: a yarn classic yarn.lock with a UTF-8 byte order mark was rejected,
// though yarn itself reads it (editors on Windows add one). Every text input is checked:
// each lockfile format, an SBOM, package.json and pnpm-workspace.yaml.
const root = mkdtempSync(join(tmpdir(), "jenga-bom-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of a fixture with a byte order mark before every file's text. */
function withMarks(scenario: string, name = scenario): string {
  const copy = join(root, name);
  cpSync(fixturePath(scenario), copy, { recursive: true });
  const mark = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) mark(file);
      else writeFileSync(file, `\ufeff${readFileSync(file, "utf8")}`);
    }
  };
  mark(copy);
  return copy;
}

const scenarios = [
  "yarn-classic",
  "yarn-classic-workspaces",
  "yarn-berry",
  "pnpm-v9-workspaces",
  "npm-v3",
  "cyclonedx-npm-sbom/bom.json",
];

describe("inputs that start with a byte order mark", () => {
  it.each(scenarios)("%s reads as it does without one", async (target) => {
    const [scenario = "", file] = target.split("/");
    const plain = await readFixture(target);
    const copy = withMarks(scenario);
    const marked = await readInventory([file ? join(copy, file) : copy], { cwd: root });
    expect(marked.projects.map((p) => [p.name, p.kind])).toEqual(
      plain.projects.map((p) => [p.name, p.kind]),
    );
    const facts = (i: typeof plain) => i.packages.map(({ projects: _, ...rest }) => rest);
    expect(facts(marked)).toEqual(facts(plain));
    expect(marked.warnings).toEqual(plain.warnings);
  });
});

describe("the usage collector's package.json reader", () => {
  it("reads manifests that start with a byte order mark", async () => {
    const copy = withMarks("yarn-classic-workspaces", "usage");
    const plain = await readManifests(fixturePath("yarn-classic-workspaces"));
    expect(plain.length).toBeGreaterThan(1);
    expect(await readManifests(copy)).toEqual(plain);
  });
});
