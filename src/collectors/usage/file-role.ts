import type { FileRole } from "./types.js";

/** `*.test.*`, `*.spec.*`, and anything under `test/`, `tests/`, `__tests__/`, `__mocks__/`, `e2e/`. */
const testFile = /(^|\/)(tests?|__tests__|__mocks__|e2e)\/|\.(test|spec|e2e)\.[^/]+$/;

/**
 * Tool configuration: `*.config.*` (vite, vitest, jest, babel, eslint flat,
 * tailwind...), `*rc` files (`.eslintrc.js`, `.prettierrc.cjs`, `.babelrc`).
 */
const configFile = /(^|\/)([^/]+\.config\.[^/]+|\.[a-z]+rc(\.[a-z]+)?|[a-z]+rc\.[cm]?js)$/;

export function fileRole(file: string): FileRole {
  if (configFile.test(file)) return "config";
  if (testFile.test(file)) return "test";
  return "source";
}

/** JSON and rc config files read only for the package names they mention. */
export const jsonConfigFile =
  /(^|\/)(\.[a-z]+rc(\.json)?|[^/]+\.config\.json|tsconfig(\.[^/]+)?\.json)$/;
