import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { configJsonSchema } from "./schema.js";

/** Regenerates src/config/jenga.schema.json (`npm run schema`); a test fails when it is out of date. */
const target = fileURLToPath(new URL("../../src/config/jenga.schema.json", import.meta.url));
await writeFile(target, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
