import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The folder of one package's fixtures: `@scope/name` becomes `@scope+name`. */
export function fixtureDir(name) {
  return path.join(here, "..", "fixtures", name.replace("/", "+"));
}
