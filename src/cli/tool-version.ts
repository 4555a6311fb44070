import { createRequire } from "node:module";

/** jenga's own version, from package.json: printed by --version and written into every result. */
export const toolVersion = (
  createRequire(import.meta.url)("../../package.json") as { version: string }
).version;
