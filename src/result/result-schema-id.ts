/**
 * What every result's `$schema` says: the package export of the result's JSON
 * Schema. Not a URL, since no address serves it for every install; a module
 * specifier resolves wherever jenga is installed
 * (`createRequire(projectDir + "/").resolve(result.$schema)`).
 */
export const resultSchemaId = "jenga/result.schema.json";
