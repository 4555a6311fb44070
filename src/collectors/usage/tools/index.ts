import { babel } from "./babel.js";
import { commitizen } from "./commitizen.js";
import { commitlint } from "./commitlint.js";
import { cssPreprocessors } from "./css-preprocessors.js";
import { cypress } from "./cypress.js";
import { eslint } from "./eslint.js";
import { githubActions } from "./github-actions.js";
import { husky } from "./husky.js";
import { jest } from "./jest.js";
import { lintStaged } from "./lint-staged.js";
import { nest } from "./nest.js";
import { playwright } from "./playwright.js";
import { postcss } from "./postcss.js";
import { prettier } from "./prettier.js";
import { releaseIt } from "./release-it.js";
import { rollup } from "./rollup.js";
import { storybook } from "./storybook.js";
import { stylelint } from "./stylelint.js";
import { tailwind } from "./tailwind.js";
import type { Tool } from "./tool.js";
import { typescript } from "./typescript.js";
import { unpluginIcons } from "./unplugin-icons.js";
import { vite } from "./vite.js";
import { vitepress } from "./vitepress.js";
import { vitest } from "./vitest.js";
import { webpack } from "./webpack.js";

/** Every tool jenga knows, one module each (knip's plugins are the reference for what each reads). */
export const tools: readonly Tool[] = [
  babel,
  commitizen,
  commitlint,
  cssPreprocessors,
  cypress,
  eslint,
  githubActions,
  husky,
  jest,
  lintStaged,
  nest,
  playwright,
  postcss,
  prettier,
  releaseIt,
  rollup,
  storybook,
  stylelint,
  tailwind,
  typescript,
  unpluginIcons,
  vite,
  vitepress,
  vitest,
  webpack,
];
