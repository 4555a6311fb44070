import { describe, expect, it } from "vitest";
import { analyzeUsage } from "../../src/collectors/usage/analyze-usage.js";
import { usageMessages } from "../../src/scoring/usage/messages.js";
import { ruleFindings } from "../helpers/rules.js";
import { usageSignalsFor } from "../helpers/usage-signals.js";

/**
 * A Vite front end with a small Node server beside it, as the Geeker-Admin trial
 * had: md5 is imported by code the page loads, so `node:crypto` does not replace
 * it there; on the server it does.
 */
const deps = (names: string[]) => Object.fromEntries(names.map((n) => [n, "1"]));
const packages = analyzeUsage({
  files: [
    { path: "index.html", text: '<script type="module" src="/src/main.ts"></script>\n' },
    { path: "src/main.ts", text: 'import { hash } from "./utils/hash";\nhash("x");\n' },
    {
      path: "src/utils/hash.ts",
      text: 'import md5 from "md5";\nimport { v4 } from "uuid";\nexport const hash = (s: string) => md5(s) + v4();\n',
    },
    { path: "server/index.ts", text: 'import CryptoJS from "crypto-js";\nCryptoJS.MD5("x");\n' },
    { path: "shared/sum.ts", text: 'import sha from "crypto-js";\nexport default sha;\n' },
  ],
  manifests: [
    {
      dir: "",
      data: {
        scripts: { dev: "vite", serve: "node server/index.ts" },
        dependencies: deps(["md5", "uuid", "crypto-js"]),
      },
    },
  ],
}).packages;

function signalsOf(name: string) {
  const usage = packages.get(name);
  if (!usage) throw new Error(`no usage for ${name}`);
  return usageSignalsFor(usage);
}

const rewrites = (name: string) =>
  ruleFindings(signalsOf(name))
    .filter((f) => f.action === "rewrite")
    .map((f) => usageMessages[f.code](f.args));

describe("replacements of packages only browser code uses", () => {
  it("marks a package every runtime import of which a web page loads", () => {
    expect(packages.get("md5")?.browserOnly).toBe(true);
    expect(packages.get("uuid")?.browserOnly).toBe(true);
    // The server imports it, by a script: not only in the browser.
    expect(packages.get("crypto-js")?.browserOnly).toBeUndefined();
  });

  it("offers no Node API in its place, so a Node-only replacement is no rewrite", () => {
    expect(signalsOf("md5").replacement?.value).toEqual([]);
    expect(signalsOf("md5").replacement?.note).toMatch(/node:crypto.*browser code/);
    expect(rewrites("md5")).toEqual([]);
  });

  it("keeps the replacements the browser has too", () => {
    expect(signalsOf("uuid").replacement?.value).toEqual(["crypto.randomUUID"]);
    expect(rewrites("uuid")).not.toEqual([]);
  });

  it("keeps Node's replacement for code that runs on the server", () => {
    expect(signalsOf("crypto-js").replacement?.value).toContain("node:crypto");
    expect(rewrites("crypto-js")).not.toEqual([]);
  });
});
