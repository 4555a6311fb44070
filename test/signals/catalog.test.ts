import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signalCatalog } from "../../src/signals/catalog.js";
import { allSignals } from "../../src/signals/index.js";

const signalsDir = path.resolve(import.meta.dirname, "../../src/signals");
const sourceFolders = readdirSync(signalsDir, { withFileTypes: true }).filter((d) =>
  d.isDirectory(),
);
// Signal files are those that define a signal; a source folder may also hold its index and catalog entries.
const signalFiles = sourceFolders
  .flatMap((d) =>
    readdirSync(path.join(signalsDir, d.name)).map((f) => path.join(signalsDir, d.name, f)),
  )
  .filter((f) => /\bdefine(Usage|Issue)?Signal\(/.test(readFileSync(f, "utf8")));
const testText = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".test.ts") && f !== "catalog.test.ts")
  .map((f) => readFileSync(path.join(import.meta.dirname, f), "utf8"))
  .join("\n");

describe("the signal list", () => {
  it("lists every signal file exactly once", () => {
    const declared = signalFiles.map((f) => /id: "(\w+)"/.exec(readFileSync(f, "utf8"))?.[1]);
    expect(declared.sort()).toEqual(allSignals.map((s) => s.id).sort());
  });

  it("documents every signal with a title, a why and a remediation", () => {
    for (const signal of allSignals) {
      const info = signalCatalog[signal.id];
      expect(info.title.length, signal.id).toBeGreaterThan(0);
      expect(info.why.length, signal.id).toBeGreaterThan(10);
      expect(info.remediation.length, signal.id).toBeGreaterThan(3);
    }
  });

  it("tests every signal", () => {
    for (const signal of allSignals)
      expect(testText, `no test mentions ${signal.id}`).toContain(`.${signal.id}`);
  });
});
