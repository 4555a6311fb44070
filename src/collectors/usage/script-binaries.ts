import { commandWords } from "./entry-points.js";
import { packageOfSpecifier } from "./package-of-specifier.js";

/** Launchers that run the command after them: `npx vitest`, `pnpm exec tsc`, `cross-env A=1 jest`. */
const launchers: Record<string, number> = {
  npx: 1,
  bunx: 1,
  "cross-env": 1,
  "dotenv-cli": 1,
  "pnpm exec": 2,
  "pnpm dlx": 2,
  "npm exec": 2,
  "yarn exec": 2,
  "yarn dlx": 2,
};

/**
 * Binaries whose package is named otherwise, for when the package is not
 * installed to read its `bin`: the few that every project meets.
 */
const knownBinaries: Record<string, string> = {
  tsc: "typescript",
  tsserver: "typescript",
  ng: "@angular/cli",
  "vue-cli-service": "@vue/cli-service",
  "run-s": "npm-run-all",
  "run-p": "npm-run-all",
  "npm-run-all": "npm-run-all",
  "lint-staged": "lint-staged",
};

/** Node flags whose value is a package loaded before the script: `node --import tsx x.ts`. */
const preloadFlags = new Set(["-r", "--require", "--import", "--loader", "--experimental-loader"]);

/**
 * The packages each script runs: its binaries (looked up in `bins`, the
 * binaries of installed packages; else a declared package named like the
 * binary) and packages preloaded with `node -r`. Returns package → the
 * scripts that use it, as `name: command`.
 */
export function scriptUses(
  scripts: Record<string, string>,
  declared: readonly string[],
  bins: ReadonlyMap<string, string>,
): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const note = (pkg: string | null, script: string, command: string) => {
    if (!pkg) return;
    const list = found.get(pkg) ?? [];
    list.push(`${script}: ${command}`);
    found.set(pkg, list);
  };
  for (const [script, command] of Object.entries(scripts)) {
    for (let words of commandWords(command)) {
      words = unwrap(words);
      const bin = words[0];
      if (!bin) continue;
      note(bins.get(bin) ?? guessPackage(bin, declared), script, command);
      words.forEach((w, i) => {
        const value = words[i + 1];
        if (preloadFlags.has(w) && value) note(packageOfSpecifier(value), script, command);
      });
    }
  }
  return found;
}

function unwrap(words: string[]): string[] {
  let rest = words;
  for (;;) {
    const skip = launchers[`${rest[0]} ${rest[1]}`] ?? launchers[rest[0] ?? ""];
    if (!skip) return rest;
    rest = rest.slice(skip);
    // Launcher flags (`npx --yes`, `npx -p pkg`) and env assignments after cross-env.
    while (rest[0] && (rest[0].startsWith("-") || /^[A-Za-z_]\w*=/.test(rest[0]))) {
      rest = rest[0] === "-p" || rest[0] === "--package" ? rest.slice(2) : rest.slice(1);
    }
  }
}

/**
 * Without the installed package's `bin` field: a declared package whose name,
 * or last segment, is the binary (`@biomejs/biome` → `biome`), or that adds
 * `-cli` to it (`@vue/cli` → `vue`, `nodemon` → `nodemon`).
 */
function guessPackage(bin: string, declared: readonly string[]): string | null {
  const known = knownBinaries[bin];
  if (known && declared.includes(known)) return known;
  const exact = packageOfSpecifier(bin);
  if (exact && declared.includes(exact)) return exact;
  return (
    declared.find((name) => {
      // `@types/node` ships no binary: `node x.js` is not its use.
      if (name.startsWith("@types/")) return false;
      const last = name.split("/").pop();
      return last === bin || last === `${bin}-cli` || name === `@${bin}/cli`;
    }) ?? null
  );
}
