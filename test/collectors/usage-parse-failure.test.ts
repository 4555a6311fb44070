import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectUsage } from "../../src/collectors/usage/collect-usage.js";
import { shortParseMessage } from "../../src/collectors/usage/parse-failures.js";
import type { JengaResult } from "../../src/result/types.js";
import { resultFrom } from "../helpers/build-result.js";
import { inventoryPackage, now } from "../helpers/evidence.js";

// Babel's message for this line (`This experimental syntax requires enabling the parser
// plugin: "pipelineOperator". (2:19)`) must reach neither a reason nor the note as it is.
const pipeline = 'import { pipe } from "used-elsewhere";\nexport const y = x |> pipe(%);\n';

let root: string;
let result: JengaResult;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "jenga-usage-parse-failure-"));
  await mkdir(path.join(root, "src"));
  const dependencies = { "used-elsewhere": "1", "only-in-broken": "1" };
  await writeFile(
    path.join(root, "package.json"),
    JSON.stringify({ main: "src/index.ts", dependencies }),
  );
  await writeFile(
    path.join(root, "src/index.ts"),
    'import { pipe } from "used-elsewhere";\nimport "./a.js";\nimport "./b.js";\nexport { pipe };\n',
  );
  await writeFile(path.join(root, "src/a.ts"), pipeline);
  await writeFile(path.join(root, "src/b.ts"), 'import "only-in-broken";\nconst = ;\n');
  const packages = Object.keys(dependencies).map((name) =>
    inventoryPackage({ name, direct: true }),
  );
  const usage = await collectUsage([root], packages, { enabled: true, now: () => now });
  result = resultFrom(packages, { usage, root });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function pkg(name: string) {
  const found = result.packages.find((p) => p.name === name);
  if (!found) throw new Error(`no result for ${name}`);
  return found;
}

describe("a file that does not parse", () => {
  it("is counted and named once, in the run notes", () => {
    const notes = result.notes.filter((n) => n.includes("not parsed"));
    expect(notes).toEqual([
      "2 files not parsed (first: src/a.ts:2: experimental syntax (pipelineOperator)): a dependency seen used nowhere else is usage unknown, not unused.",
    ]);
  });

  it("makes a dependency seen used nowhere else unknown, naming the file, not unused", () => {
    expect(pkg("only-in-broken").signals.usageClass?.value).toBe("unknown");
    const texts = pkg("only-in-broken").reasons.map((r) => r.text);
    expect(texts).toContain(
      "no import found, but file not parsed (experimental syntax (pipelineOperator)) at src/a.ts:2: usage unknown",
    );
  });

  it("leaves a dependency seen used elsewhere in its class", () => {
    expect(pkg("used-elsewhere").signals.usageClass?.value).toBe("runtime");
  });

  it("puts no parser message in any reason", () => {
    for (const p of result.packages) {
      for (const reason of p.reasons) {
        expect(reason.text).not.toMatch(/SyntaxError|requires enabling|\(\d+:\d+\)/);
        expect(reason.text.length).toBeLessThan(200);
      }
    }
  });
});

describe("parser messages", () => {
  it("are cut to a few words without their position", () => {
    expect(shortParseMessage(new SyntaxError('Unexpected token, expected "{" (1:7)'))).toBe(
      'unexpected token, expected "{"',
    );
    expect(shortParseMessage(new RangeError("Maximum call stack size exceeded"))).toBe(
      "maximum call stack size exceeded",
    );
    expect(
      shortParseMessage(new SyntaxError(`Missing semicolon. ${"x".repeat(400)} (3:1)`)),
    ).toHaveLength(60);
  });
});
