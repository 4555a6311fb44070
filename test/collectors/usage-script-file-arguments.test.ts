import { describe, expect, it } from "vitest";
import { analyzeUsage } from "../../src/collectors/usage/analyze-usage.js";

const deps = (names: string[]) => Object.fromEntries(names.map((n) => [n, "1"]));

/**
 * A NestJS server's package.json as nestjs-boilerplate writes it: typeorm's
 * CLI loads the data source named by a flag, forwarded through `npm run`,
 * and `nest start -b swc` compiles with SWC.
 */
const analysis = analyzeUsage({
  files: [
    { path: "src/main.ts", text: 'import "reflect-metadata";\n' },
    {
      path: "src/database/data-source.ts",
      text: 'import { DataSource } from "typeorm";\nimport "pg";\nexport default new DataSource({});\n',
    },
    { path: "src/seeds/run.ts", text: 'import "seed-lib";\n' },
    { path: "src/orphan.ts", text: 'import "orphan-lib";\n' },
    { path: "scripts/check.ts", text: 'import "check-lib";\n' },
  ],
  manifests: [
    {
      dir: "",
      data: {
        main: "src/main.ts",
        scripts: {
          start: "nest start -b swc",
          typeorm: "ts-node ./node_modules/typeorm/cli.js",
          "migration:run":
            "npm run typeorm -- --dataSource=src/database/data-source.ts migration:run",
          "seed:run": "typeorm-ts-node-commonjs -d ./src/seeds/run.ts",
          lint: 'eslint "src/**/*.ts" scripts/check.ts',
        },
        dependencies: deps(["reflect-metadata", "typeorm", "pg", "seed-lib", "orphan-lib"]),
        devDependencies: deps(["@nestjs/cli", "@swc/cli", "@swc/core", "check-lib", "ts-node"]),
      },
    },
  ],
}).packages;

describe("code files a script names as arguments", () => {
  it("are files the script runs: a flag's value, forwarded through npm run, or a bare path", () => {
    expect(analysis.get("pg")).toMatchObject({
      class: "runtime",
      sites: [{ file: "src/database/data-source.ts", line: 2, reachable: true }],
    });
    expect(analysis.get("seed-lib")?.class).toBe("runtime");
    // A lint script's file: tooling, as the script is.
    expect(analysis.get("check-lib")?.class).toBe("script-only");
    // A glob is a file list, not a file; what no entry reaches stays dead.
    expect(analysis.get("orphan-lib")?.class).toBe("dead-code-only");
  });

  it("counts nest's swc builder flag as a use of SWC's packages", () => {
    expect(analysis.get("@swc/core")).toMatchObject({
      class: "script-only",
      scripts: ["start: nest start -b swc"],
    });
    expect(analysis.get("@swc/cli")?.class).toBe("script-only");
  });
});
