import { readFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.js";
import type { JengaResult } from "../result/types.js";
import { verdictNames } from "../scoring/verdicts.js";
import { parseJsonFile } from "../util/parse-json.js";

const hint = "Pass a JSON result written by `jenga analyze --json FILE` (schemaVersion 1).";

/** A previous JSON result for `gate --baseline`; anything else is bad input (exit 2) naming the file. */
export async function readBaseline(file: string, cwd: string): Promise<JengaResult> {
  const text = await readFile(path.resolve(cwd, file), "utf8").catch(
    (error: NodeJS.ErrnoException) => {
      throw new InputError(file, `cannot read the baseline (${error.code ?? error.message})`);
    },
  );
  const json = parseJsonFile(text, file);
  const problem = checkBaseline(json);
  if (problem) throw new InputError(file, `not a jenga JSON result: ${problem}`, undefined, hint);
  return json as JengaResult;
}

/** Only what the comparison reads is checked; other fields may be added by later versions. */
function checkBaseline(json: unknown): string | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "not an object";
  const { schemaVersion, packages } = json as { schemaVersion?: unknown; packages?: unknown };
  if (schemaVersion !== 1) return `schemaVersion is ${JSON.stringify(schemaVersion)}, expected 1`;
  if (!Array.isArray(packages)) return "no packages list";
  const bad = packages.findIndex(
    (p: unknown) =>
      typeof p !== "object" ||
      p === null ||
      typeof (p as { name?: unknown }).name !== "string" ||
      // Health is null for a package without maintenance evidence (verdict unknown).
      !isHealth((p as { health?: unknown }).health) ||
      !(verdictNames as unknown[]).includes((p as { verdict?: unknown }).verdict),
  );
  return bad < 0 ? null : `packages[${bad}] lacks a name, a verdict or a health`;
}

function isHealth(value: unknown): boolean {
  return value === null || typeof value === "number";
}
