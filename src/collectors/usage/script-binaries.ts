import { packageOfSpecifier } from "./package-of-specifier.js";
import { scriptCommands } from "./script-commands.js";
import { flagUses } from "./tools/tool-uses.js";

/**
 * Binaries whose package is named otherwise, for when the package is not
 * installed to read its `bin`: the few that every project meets.
 */
const knownBinaries: Record<string, string> = {
  tsc: "typescript",
  tsserver: "typescript",
  ng: "@angular/cli",
  nest: "@nestjs/cli",
  "vue-cli-service": "@vue/cli-service",
  "run-s": "npm-run-all",
  "run-p": "npm-run-all",
  "npm-run-all": "npm-run-all",
  "lint-staged": "lint-staged",
  // dotenv-cli's binary; the `dotenv` package itself ships none.
  dotenv: "dotenv-cli",
  "cross-env-shell": "cross-env",
  esr: "esbuild-runner",
  // Both `@playwright/test` and `playwright` ship it; projects declare the first.
  playwright: "@playwright/test",
};

/**
 * Package managers' binaries. A script's `pnpm build` runs the package
 * manager that runs the script, not a package some workspace installs under
 * an alias for its tests (`"pnpm-10": "npm:pnpm@10"`): only one declared
 * where the script runs (its workspace or the root, whose `.bin` folders are
 * on its PATH) can shadow it.
 */
const packageManagers = new Set(["npm", "npx", "pnpm", "pnpx", "yarn", "bun", "bunx", "corepack"]);

/** Node flags whose value is a package loaded before the script: `node --import tsx x.ts`. */
const preloadFlags = new Set(["-r", "--require", "--import", "--loader", "--experimental-loader"]);

/**
 * The packages each script runs: its binaries, wrappers and the commands
 * they wrap alike (looked up in `bins`, the binaries of installed packages;
 * else a declared package named like the binary) and packages preloaded with
 * `node -r`. Returns package → the
 * scripts that use it, as `name: command`. Packages a command's flags load
 * (`vitest --coverage`) are its uses too. `onPath` are the packages declared
 * where the scripts run (default: every declared one).
 */
export function scriptUses(
  scripts: Record<string, string>,
  declared: ReadonlySet<string>,
  bins: ReadonlyMap<string, string>,
  onPath: ReadonlySet<string> = declared,
): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const note = (pkg: string | null, script: string, command: string) => {
    if (!pkg) return;
    const list = found.get(pkg) ?? [];
    // `npx cross-env tsx -r tsx/cjs x.ts` names tsx twice: one use of the script.
    if (list.at(-1) === `${script}: ${command}`) return;
    list.push(`${script}: ${command}`);
    found.set(pkg, list);
  };
  for (const [script, command] of Object.entries(scripts)) {
    // A wrapper (`cross-env`, `npx`) is a use too, and so is the command it wraps.
    for (const words of scriptCommands(command)) {
      const bin = words[0];
      if (!bin) continue;
      const pkg = packageManagers.has(bin)
        ? installedHere(bin, bins, onPath)
        : (bins.get(bin) ?? guessPackage(bin, declared));
      note(pkg, script, command);
      // `vitest --coverage` loads a coverage provider no import names (tools/).
      if (pkg) for (const implied of flagUses(words, bin, declared)) note(implied, script, command);
      words.forEach((w, i) => {
        const value = words[i + 1];
        if (preloadFlags.has(w) && value) note(packageOfSpecifier(value), script, command);
      });
    }
  }
  return found;
}

/** A package manager's binary, when a package declared where the script runs provides it. */
function installedHere(
  bin: string,
  bins: ReadonlyMap<string, string>,
  onPath: ReadonlySet<string>,
): string | null {
  const installed = bins.get(bin);
  if (installed) return onPath.has(installed) ? installed : null;
  return guessPackage(bin, onPath);
}

/**
 * Without the installed package's `bin` field: a declared package whose name,
 * or last segment, is the binary (`@biomejs/biome` → `biome`), or that adds
 * `-cli` to it (`@vue/cli` → `vue`, `nodemon` → `nodemon`).
 */
function guessPackage(bin: string, declared: ReadonlySet<string>): string | null {
  const known = knownBinaries[bin];
  if (known && declared.has(known)) return known;
  const exact = packageOfSpecifier(bin);
  if (exact && declared.has(exact)) return exact;
  return (
    [...declared].find((name) => {
      // `@types/node` ships no binary: `node x.js` is not its use.
      if (name.startsWith("@types/")) return false;
      const last = name.split("/").pop();
      return last === bin || last === `${bin}-cli` || name === `@${bin}/cli`;
    }) ?? null
  );
}
