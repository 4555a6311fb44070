import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { resultJsonSchema } from "./result-schema.js";

/** Regenerates src/result/jenga-result.schema.json (`npm run schema`); a test fails when it is out of date. */
const target = fileURLToPath(new URL("../../src/result/jenga-result.schema.json", import.meta.url));
await writeFile(target, `${JSON.stringify(resultJsonSchema(), null, 2)}\n`);
