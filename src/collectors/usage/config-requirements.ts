import { lstatSync, readFileSync } from "node:fs";
import { glob } from "tinyglobby";
import { packagePart } from "./tools/tool.js";

/**
 * Shared configs and presets are named by their folder: `stylelint-config-*`,
 * `eslint-config-*`, `@scope/eslint-config`, `babel-preset-*`, `prettier-config-*`.
 */
const sharedConfig = /(^|\/|-)(config|preset)(-|$)/;

/**
 * What a config loads by name: other configs, presets, plugins and parsers. Other quoted
 * names in a config are rule ids (`"vue/html-indent"`) or settings, not packages it loads.
 */
const loadable = /(^|\/|-)(config|preset|plugin|parser)(-|$)/;

/** Shared configs are a few KB; past this a package is no config and is not read. */
const maxConfigBytes = 256 * 1024;

/** A quoted package name, with an optional subpath: `"stylelint-config-x/scss"`. */
const quotedName = /["'`]((?:@[\w.-]+\/)?[\w.-]+(?:\/[\w./-]*)?)["'`]/g;

/**
 * The declared packages a shared config loads by name without declaring them
 * itself (configs, presets, plugins, parsers): `stylelint-config-recommended-vue/scss` extends
 * `stylelint-config-recommended-scss`, listed in none of its dependencies, and
 * its README asks the user to install that package. Such a package is the
 * config's peer in all but name: the project declares it so the config can
 * load it, so it is used through the config (see peerUses). Only shared configs
 * are read (by name, small ones): their code is a list of package names, where a
 * library's strings are text. A name the config merely mentions may make an
 * unused package look used, the safe side: a wrong "used" costs a review, a
 * wrong "unused" a broken lint run.
 */
export async function configRequirements(
  name: string,
  dir: string,
  data: Record<string, unknown>,
  declared: ReadonlySet<string>,
): Promise<string[]> {
  if (!sharedConfig.test(name)) return [];
  const own = new Set(
    ["dependencies", "optionalDependencies", "peerDependencies"].flatMap((k) =>
      Object.keys((data[k] as Record<string, unknown> | undefined) ?? {}),
    ),
  );
  const files = await glob(["**/*.{js,cjs,mjs,json}"], {
    cwd: dir,
    ignore: ["**/node_modules/**", "package.json"],
    followSymbolicLinks: false,
    deep: 3,
  });
  const found = new Set<string>();
  let bytes = 0;
  for (const file of files.sort()) {
    const full = `${dir}/${file}`;
    // lstat: a stranger's symlink must not make jenga read outside the package.
    const stat = lstatSync(full, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    bytes += stat.size;
    if (bytes > maxConfigBytes) return [];
    for (const match of readText(full).matchAll(quotedName)) {
      const pkg = packagePart(match[1] as string);
      if (pkg !== name && loadable.test(pkg) && declared.has(pkg) && !own.has(pkg)) found.add(pkg);
    }
  }
  return [...found].sort();
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return ""; // gone or unreadable since it was listed: it names nothing
  }
}
