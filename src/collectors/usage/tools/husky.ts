import type { Tool, ToolCommand } from "./tool.js";

/**
 * husky runs the git hooks in `.husky/` (`npx lint-staged`, `commitlint
 * --edit $1`): each line a command, read like a package.json script. The
 * hooks' folder implies husky itself (its `prepare` script says so too).
 */
export const husky: Tool = {
  id: "husky",
  enablers: ["husky"],
  configFiles: /(^|\/)\.husky\/[\w-]+$/,
  commands: ({ files }) => {
    const out: ToolCommand[] = [];
    for (const file of files) {
      if (!husky.configFiles?.test(file.path)) continue;
      for (const line of file.text.split(/\r?\n/)) {
        const command = line.trim();
        // husky 4-8's boilerplate sources its own script: `. "$(dirname "$0")/_/husky.sh"`.
        if (command === "" || command.startsWith("#") || command.startsWith(". ")) continue;
        out.push({ name: file.path, command });
      }
    }
    return out;
  },
};
