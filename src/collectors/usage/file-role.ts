import type { FileRole } from "./types.js";

/** `*.test.*`, `*.spec.*`, `*.cy.*`, and anything under `test/`, `tests/`, `__tests__/`, `__mocks__/`, `e2e/`, `cypress/`. */
const testFile = /(^|\/)(tests?|__tests__|__mocks__|e2e|cypress)\/|\.(test|spec|e2e|cy)\.[^/]+$/;

/**
 * Tool configuration: `*.config.*` (vite, vitest, jest, babel, eslint flat,
 * tailwind...), `*rc` files (`.eslintrc.js`, `.prettierrc.cjs`, `.babelrc`),
 * release-it's `.release-it.js`, Storybook's `.storybook/`, husky's hooks, VitePress's
 * `.vitepress/config.ts` (its theme beside it is the site's own code, not config).
 */
const configFile =
  /(^|\/)([^/]+\.config\.[^/]+|\.[a-z]+rc(\.[a-z]+)?|[a-z]+rc\.[cm]?js|\.release-it\.[cm]?[jt]s)$|(^|\/)\.(storybook|husky)\/|(^|\/)\.vitepress\/config(\/|\.[cm]?[jt]s$)/;

export function fileRole(file: string): FileRole {
  if (configFile.test(file)) return "config";
  if (testFile.test(file)) return "test";
  return "source";
}

/**
 * JSON, YAML and rc config files read only for the package names they mention;
 * with the configs of tools whose file names follow no pattern (the Nest CLI's
 * `nest-cli.json`, release-it's `.release-it.json`).
 */
export const jsonConfigFile =
  /(^|\/)(\.[a-z-]+rc(\.(json|ya?ml))?|[^/]+\.config\.(json|ya?ml)|tsconfig(\.[^/]+)?\.json|(nest-cli|\.nestcli|\.nest-cli|nest)\.json|\.release-it\.(json|ya?ml))$/;
