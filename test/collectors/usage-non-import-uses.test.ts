import { describe, expect, it } from "vitest";
import { analyzeUsage, type SourceFile } from "../../src/collectors/usage/analyze-usage.js";
import { tools } from "../../src/collectors/usage/tools/index.js";
import type { UsageEvidence } from "../../src/collectors/usage/types.js";

/** Uses that are not imports: stylesheets, HTML pages, tool configs, hooks, script flags, implied tools. */
function analyze(files: SourceFile[], data: Record<string, unknown>) {
  const analysis = analyzeUsage({
    files,
    manifests: [{ dir: "", data: { main: "src/main.ts", ...data } }],
  });
  return (name: string): UsageEvidence => {
    const found = analysis.packages.get(name);
    if (!found) throw new Error(`no usage for ${name}`);
    return found;
  };
}

const main: SourceFile = { path: "src/main.ts", text: 'import "./app.scss";\n' };

describe("stylesheets", () => {
  const usage = analyze(
    [
      main,
      {
        path: "src/app.scss",
        text: '@use "sass:math";\n@use "bootstrap/scss/functions" as f;\n@import "~normalize.css/normalize";\n@import "variables";\n@forward "@fontsource/inter/index.css";\n.x { background: url(~leaflet/dist/images/marker.png); }\n',
      },
      {
        path: "src/theme.less",
        text: '@import (reference) "~antd/lib/style/themes/default.less";\n',
      },
      { path: "src/tw.css", text: '@import "tailwindcss";\n@plugin "@tailwindcss/typography";\n' },
    ],
    {
      dependencies: {
        bootstrap: "5",
        "normalize.css": "8",
        "@fontsource/inter": "5",
        leaflet: "1",
        antd: "4",
        tailwindcss: "4",
        "@tailwindcss/typography": "0.5",
        variables: "1",
      },
      devDependencies: { vite: "5", "sass-embedded": "1", less: "4" },
    },
  );

  it("reads @use, @forward, @import, ~ prefixes and url(~…) as runtime uses with file and line", () => {
    expect(usage("bootstrap")).toMatchObject({ class: "runtime" });
    expect(usage("bootstrap").sites).toMatchObject([
      { file: "src/app.scss", line: 2, kind: "stylesheet", specifier: "bootstrap/scss/functions" },
    ]);
    expect(usage("normalize.css").sites[0]).toMatchObject({ line: 3 });
    expect(usage("@fontsource/inter").sites[0]).toMatchObject({ line: 5 });
    expect(usage("leaflet").sites[0]).toMatchObject({ line: 6 });
    expect(usage("antd").sites[0]).toMatchObject({ file: "src/theme.less", line: 1 });
    expect(usage("tailwindcss").class).toBe("runtime");
    expect(usage("@tailwindcss/typography").sites[0]).toMatchObject({
      file: "src/tw.css",
      line: 2,
    });
  });

  it("takes a declared bare name for a package, as Sass does, but never a sass: module", () => {
    expect(usage("variables").class).toBe("runtime");
  });

  it("makes .scss and .less files with a bundler use their compilers", () => {
    expect(usage("sass-embedded")).toMatchObject({
      class: "config-only",
      configMentions: ["src/app.scss:1: sass files compiled by vite"],
    });
    expect(usage("less").class).toBe("config-only");
  });
});

describe("HTML pages", () => {
  it("reads <script src> and <link href> into node_modules as uses of the package", () => {
    const usage = analyze(
      [
        {
          path: "index.html",
          text: '<html>\n<link rel="stylesheet" href="./node_modules/bulma/css/bulma.css">\n<script src="node_modules/jquery/dist/jquery.min.js"></script>\n<link rel="icon" href="/favicon.ico">\n</html>\n',
        },
      ],
      { dependencies: { bulma: "1", jquery: "3" } },
    );
    expect(usage("bulma").sites[0]).toMatchObject({
      file: "index.html",
      line: 2,
      specifier: "bulma/css/bulma.css",
    });
    expect(usage("jquery").sites[0]).toMatchObject({ line: 3 });
    expect(usage("jquery").class).toBe("runtime");
  });
});

describe("tool configs", () => {
  const files: SourceFile[] = [
    main,
    {
      path: ".eslintrc.yml",
      text: "extends:\n  - airbnb\n  - plugin:@typescript-eslint/recommended\nplugins:\n  - react\nsettings:\n  import/resolver:\n    typescript: {}\n",
    },
    {
      path: "prettier.config.mjs",
      text: 'export default { plugins: ["prettier-plugin-tailwindcss"] };\n',
    },
    { path: ".babelrc", text: '{ "presets": ["@babel/env", "react-app"] }\n' },
    {
      path: "postcss.config.cjs",
      text: "module.exports = {\n  plugins: { autoprefixer: {} },\n};\n",
    },
    { path: "tailwind.config.js", text: "module.exports = { content: [] };\n" },
    {
      path: "jest.config.js",
      text: 'module.exports = {\n  testEnvironment: "jsdom",\n  transform: { "^.+\\\\.tsx?$": "ts-jest" },\n};\n',
    },
    {
      path: "webpack.config.js",
      text: 'module.exports = { module: { rules: [{ test: /\\.css$/, use: ["style", "css-loader"] }] } };\n',
    },
    {
      path: "rollup.config.mjs",
      text: 'import terser from "@rollup/plugin-terser";\nexport default { plugins: [terser()] };\n',
    },
    { path: "vite.config.ts", text: "export default {};\n" },
    {
      path: "tsconfig.json",
      text: '{\n  "extends": "@tsconfig/node20/tsconfig.json",\n  "compilerOptions": {\n    "types": ["node", "vitest/globals"]\n  }\n}\n',
    },
    {
      path: ".storybook/main.ts",
      text: 'export default {\n  addons: ["@storybook/addon-essentials"],\n  framework: { name: "@storybook/react-vite" },\n};\n',
    },
    { path: "playwright.config.ts", text: "export default {};\n" },
    { path: "cypress.config.ts", text: "export default {};\n" },
    {
      path: "commitlint.config.js",
      text: 'module.exports = { extends: ["@commitlint/config-conventional"] };\n',
    },
    {
      path: ".husky/pre-commit",
      text: '#!/bin/sh\n. "$(dirname "$0")/_/husky.sh"\nnpx lint-staged\n',
    },
    { path: ".husky/commit-msg", text: 'npx --no -- commitlint --edit "$1"\n' },
  ];
  const devDependencies = Object.fromEntries(
    [
      "eslint",
      "eslint-config-airbnb",
      "@typescript-eslint/eslint-plugin",
      "eslint-plugin-react",
      "eslint-import-resolver-typescript",
      "prettier",
      "prettier-plugin-tailwindcss",
      "@babel/core",
      "@babel/preset-env",
      "babel-preset-react-app",
      "postcss",
      "autoprefixer",
      "tailwindcss",
      "jest",
      "jest-environment-jsdom",
      "ts-jest",
      "webpack",
      "style-loader",
      "css-loader",
      "rollup",
      "@rollup/plugin-terser",
      "vite",
      "typescript",
      "@tsconfig/node20",
      "@types/node",
      "vitest",
      "@vitest/coverage-istanbul",
      "@vitest/ui",
      "storybook",
      "@storybook/addon-essentials",
      "@storybook/react-vite",
      "@playwright/test",
      "cypress",
      "husky",
      "lint-staged",
      "@commitlint/cli",
      "@commitlint/config-conventional",
      "unrelated-tool",
    ].map((n) => [n, "1"]),
  );
  const usage = analyze(files, {
    devDependencies,
    scripts: { test: "vitest run --coverage", "test:ui": "vitest --ui", prepare: "husky" },
    "lint-staged": { "*.ts": ["eslint --fix", "prettier --write"] },
  });

  it("finds every package a config names, by each tool's naming rules, with file and line", () => {
    expect(usage("eslint-config-airbnb").configMentions).toEqual([".eslintrc.yml:2: airbnb"]);
    expect(usage("@typescript-eslint/eslint-plugin").class).toBe("config-only");
    expect(usage("eslint-plugin-react").configMentions).toEqual([".eslintrc.yml:5: react"]);
    expect(usage("eslint-import-resolver-typescript").class).toBe("config-only");
    expect(usage("prettier-plugin-tailwindcss").class).toBe("config-only");
    expect(usage("@babel/preset-env").configMentions).toEqual([".babelrc:1: @babel/env"]);
    expect(usage("babel-preset-react-app").class).toBe("config-only");
    expect(usage("autoprefixer").configMentions).toEqual(["postcss.config.cjs:2: autoprefixer"]);
    expect(usage("jest-environment-jsdom").configMentions).toEqual(["jest.config.js:2: jsdom"]);
    expect(usage("ts-jest").class).toBe("config-only");
    expect(usage("style-loader").configMentions).toEqual(["webpack.config.js:1: style"]);
    expect(usage("@tsconfig/node20").class).toBe("config-only");
    expect(usage("@types/node").configMentions).toContain("tsconfig.json:4: types: node");
    expect(usage("@storybook/addon-essentials").class).toBe("config-only");
    expect(usage("@storybook/react-vite").class).toBe("config-only");
    expect(usage("@commitlint/config-conventional").class).toBe("config-only");
  });

  it("takes a tool's config as a use of the tool itself", () => {
    const implied = {
      eslint: ".eslintrc.yml",
      prettier: "prettier.config.mjs",
      "@babel/core": ".babelrc",
      postcss: "postcss.config.cjs",
      tailwindcss: "tailwind.config.js",
      jest: "jest.config.js",
      webpack: "webpack.config.js",
      rollup: "rollup.config.mjs",
      vite: "vite.config.ts",
      typescript: "tsconfig.json",
      storybook: ".storybook/main.ts",
      "@playwright/test": "playwright.config.ts",
      cypress: "cypress.config.ts",
      "@commitlint/cli": "commitlint.config.js",
    };
    for (const [name, file] of Object.entries(implied)) {
      expect(usage(name).configMentions, name).toContain(`${file}:1: implied by ${file}`);
      expect(usage(name).class, name).toBe("config-only");
    }
  });

  it("reads git hooks and lint-staged tasks as scripts", () => {
    expect(usage("lint-staged").scripts).toEqual([".husky/pre-commit: npx lint-staged"]);
    expect(usage("@commitlint/cli").scripts).toEqual([
      '.husky/commit-msg: npx --no -- commitlint --edit "$1"',
    ]);
    expect(usage("husky").class).toBe("config-only");
    expect(usage("eslint").scripts).toEqual(["./package.json lint-staged: eslint --fix"]);
  });

  it("takes packages loaded by script flags: vitest --coverage and --ui", () => {
    expect(usage("@vitest/coverage-istanbul")).toMatchObject({
      class: "script-only",
      scripts: ["test: vitest run --coverage"],
    });
    expect(usage("@vitest/ui").scripts).toEqual(["test:ui: vitest --ui"]);
  });

  it("leaves a package no tool names unused", () => {
    expect(usage("unrelated-tool").class).toBe("unused");
  });

  it("has one module per tool, all through one interface", () => {
    const ids = tools.map((t) => t.id);
    for (const id of [
      "eslint",
      "prettier",
      "babel",
      "postcss",
      "tailwind",
      "jest",
      "vitest",
      "vite",
      "webpack",
      "rollup",
      "typescript",
      "storybook",
      "playwright",
      "cypress",
      "husky",
      "lint-staged",
      "commitlint",
      "commitizen",
    ])
      expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("vitest coverage in its config", () => {
  it("takes the provider the config names", () => {
    const usage = analyze(
      [
        main,
        {
          path: "vitest.config.ts",
          text: 'export default { test: { coverage: { provider: "istanbul" } } };\n',
        },
      ],
      {
        devDependencies: {
          vitest: "1",
          "@vitest/coverage-istanbul": "1",
          "@vitest/coverage-v8": "1",
        },
      },
    );
    expect(usage("@vitest/coverage-istanbul").configMentions).toEqual([
      "vitest.config.ts:1: vitest coverage",
    ]);
    expect(usage("@vitest/coverage-v8").class).toBe("unused");
  });
});
