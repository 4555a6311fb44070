import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { calibrate, labelNames, loadLabels } from "./lib/run.mjs";

const here = path.dirname(new URL(import.meta.url).pathname);
const figures = JSON.parse(readFileSync(path.join(here, "figures.json"), "utf8"));

describe("calibration against the reviewer-labelled set", () => {
  const labels = loadLabels();
  const result = calibrate(labels);

  it("holds at least 60 packages, 8 per verdict, never labelled unknown", () => {
    expect(labels.length).toBeGreaterThanOrEqual(60);
    for (const name of labelNames) {
      expect(labels.filter((l) => l.label === name).length).toBeGreaterThanOrEqual(8);
    }
    expect(labels.every((l) => labelNames.includes(l.label))).toBe(true);
  });

  it("does not fall below the recorded strict and lenient agreement", () => {
    expect(result.packages).toBe(figures.packages);
    expect(result.agreement.strict).toBeGreaterThanOrEqual(figures.strict - 1e-4);
    expect(result.agreement.lenient).toBeGreaterThanOrEqual(figures.lenient - 1e-4);
  });
});
