import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeProjectSources } from "../../src/collectors/usage/collect-usage.js";
import { usageLimits } from "../../src/collectors/usage/limits.js";
import { writeFileTree } from "./helpers/file-tree.js";

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

const json = (value: unknown) => JSON.stringify(value);

/**
 * DefinitelyTyped replaces the types of a package that starts shipping its own with a stub:
 * a package.json, a README and no declaration file. TypeScript loads nothing from it, so it
 * is unused, not a blind spot; an `@types` package that cannot be read stays unknown.
 */
describe("a stub @types package", () => {
  it("declares nothing: unused, while an unreadable entry stays unknown", async () => {
    const dir = await writeFileTree("jenga-types-stub-", {
      "package.json": json({
        name: "app",
        main: "src/main.ts",
        dependencies: { hasher: "3" },
        devDependencies: { "@types/hasher": "3", "@types/broken-entry": "1" },
      }),
      "src/main.ts": 'import { hash } from "hasher";\nexport const h = hash("x");\n',
      "node_modules/hasher/package.json": json({ name: "hasher", types: "index.d.ts" }),
      "node_modules/hasher/index.d.ts": "export declare function hash(s: string): string;\n",
      "node_modules/@types/hasher/package.json": json({
        name: "@types/hasher",
        version: "3.0.0",
        main: "",
        deprecated: "This is a stub types definition. hasher provides its own type definitions.",
      }),
      "node_modules/@types/hasher/README.md": "This is a stub types definition.\n",
      // Names an entry that is missing: jenga cannot tell what it declares.
      "node_modules/@types/broken-entry/package.json": json({
        name: "@types/broken-entry",
        types: "lib/index.d.ts",
      }),
    });
    made.push(dir);
    const analysis = await analyzeProjectSources(dir, usageLimits);
    const usage = (name: string) => analysis?.packages.get(name);
    expect(usage("@types/hasher")).toMatchObject({
      class: "unused",
      typesShippedBy: "hasher",
      blindSpots: [],
    });
    expect(usage("@types/broken-entry")?.class).toBe("unknown");
  });
});
