import { pushAll } from "../../util/extremes.js";
import { findReplacement } from "../shared/find-replacement.js";
import { ambientTypes, type TypesFacts } from "./ambient-types.js";
import { blindSpotsFor, classifyUsage, usageRoles } from "./classify-usage.js";
import { compiledImports } from "./compiled-imports.js";
import { configMentions, environmentDocblocks } from "./config-mentions.js";
import { entryPoints, entryPointsByUse, stringRecord } from "./entry-points.js";
import { extractImports, type FileImports } from "./extract-imports.js";
import { fileRole, jsonConfigFile } from "./file-role.js";
import { packageOfSpecifier } from "./package-of-specifier.js";
import { parseFailureSpot } from "./parse-failures.js";
import { isCodeFile, parseSource } from "./parse-source.js";
import type { PathAliases } from "./path-aliases.js";
import { peerUses } from "./peer-uses.js";
import { barrelSymbols } from "./project-barrels.js";
import { reachableFiles } from "./reachable-files.js";
import { scriptUses } from "./script-binaries.js";
import { specifierResolver } from "./specifier-resolver.js";
import { stylesheetFile, stylesheetUses } from "./stylesheet-imports.js";
import { configData } from "./tools/config-data.js";
import { lineOf } from "./tools/tool.js";
import { toolCommands, toolEntries, toolUses } from "./tools/tool-uses.js";
import type { BlindSpot, UsageEvidence, UsageSite } from "./types.js";
import {
  blindSpotInScope,
  misplacedDeclarations,
  namesWrittenIn,
  workspaceOwner,
} from "./workspaces.js";

export interface SourceFile {
  /** Relative to the project root, `/`-separated. */
  path: string;
  text: string;
}

/** A package.json of the project: the root (`dir` "") or a workspace. */
export interface ProjectManifest {
  dir: string;
  data: Record<string, unknown>;
}

export interface UsageInput extends TypesFacts {
  files: SourceFile[];
  /** The root first, then its workspaces. */
  manifests: ProjectManifest[];
  /** Binary name → package, from the `bin` of installed packages. */
  bins?: ReadonlyMap<string, string>;
  /** Package → the peer dependencies its installed package.json requires (`@babel/preset-env` → `@babel/core`). */
  peers?: ReadonlyMap<string, readonly string[]>;
  /** Package → its optional peer dependencies (`peerDependenciesMeta`). */
  optionalPeers?: ReadonlyMap<string, readonly string[]>;
  /** The tsconfig/jsconfig `paths` and `baseUrl` of the root and each workspace (read-tsconfig.ts). */
  aliases?: PathAliases[];
  /** Files the reader did not read (too large, past the cap): each may hide a use. */
  skipped?: BlindSpot[];
  /** More production entry files (the config's `usage.entry`), project-relative. */
  entries?: readonly string[];
}

export interface UsageAnalysis {
  packages: Map<string, UsageEvidence>;
  filesParsed: number;
  /** Source files no entry point, test or config file reaches. */
  deadFiles: string[];
  /** False when no package.json names an entry jenga could find: nothing is called dead then. */
  entriesFound: boolean;
  blindSpots: BlindSpot[];
}

const sections = {
  dependencies: "prod",
  devDependencies: "dev",
  optionalDependencies: "optional",
  peerDependencies: "peer",
} as const;

/**
 * The pure core: source texts and manifests in, usage per package out. The
 * I/O wrapper (collect-usage.ts) only reads the files.
 */
export function analyzeUsage(input: UsageInput): UsageAnalysis {
  const blindSpots: BlindSpot[] = [...(input.skipped ?? [])];
  const parsed = new Map<string, FileImports>();
  const configStrings: [string, string][] = [];
  const stylesheets: SourceFile[] = [];
  const texts = new Map(input.files.map((f) => [f.path, f.text]));
  for (const file of input.files) {
    if (stylesheetFile.test(file.path)) {
      stylesheets.push(file);
      continue;
    }
    if (!isCodeFile(file.path)) {
      if (jsonConfigFile.test(file.path)) collect(configData(file), configStrings, file.path);
      continue;
    }
    const result = parseFile(file, blindSpots, input.bins ?? new Map());
    if (result) parsed.set(file.path, result);
    if (file.text.includes("-environment")) {
      for (const s of environmentDocblocks(file.text)) configStrings.push([file.path, s]);
    }
  }
  const resolver = specifierResolver(input.manifests, input.aliases ?? [], new Set(parsed.keys()));
  const resolveFile = (from: string, specifier: string) => resolver.resolve(from, specifier).file;
  const fileSet = new Set(parsed.keys());
  const declarations = input.manifests.map((m) => ({ dir: m.dir, of: declaredIn(m.data) }));
  const declaredNames = new Set(declarations.flatMap((d) => Object.keys(d.of)));
  const toolProject = { files: input.files, manifests: input.manifests, declared: declaredNames };
  // A CLI that starts the product from its config (`nest start` → src/main.ts) names entries too.
  const reach = reachableFiles(parsed, input.manifests, entryPointsByUse, resolveFile, [
    ...(input.entries ?? []),
    ...toolEntries(toolProject, fileSet),
  ]);
  const entries = new Set(input.manifests.flatMap((m) => entryPoints(m.dir, m.data, fileSet)));
  const narrowed = barrelSymbols(parsed, resolveFile, entries);
  const ownerOf = workspaceOwner(input.manifests.map((m) => m.dir));
  // Workspace folder → the packages used from it (imports, scripts, config), for misplacements.
  const usedIn = new Map<string, Set<string>>();
  const useIn = (name: string, dir: string) =>
    usedIn.set(name, (usedIn.get(name) ?? new Set()).add(dir));
  // `require(name)` specifiers: their candidates are the names written anywhere (see namesWrittenIn).
  const openSpots: BlindSpot[] = [];
  const written: string[] = [];
  const own = new Set(input.manifests.map((m) => m.data.name).filter((n) => typeof n === "string"));

  const sites = new Map<string, UsageSite[]>();
  // A package without entries has all its files reached, so what is dead elsewhere is still dead;
  // only a computed relative import (below) can make a dead file live.
  let reachabilityKnown = true;
  for (const [file, imports] of parsed) {
    const role = reach.roleOf(file);
    const reachable = reach.reachable.has(file);
    for (const computed of imports.computed) {
      if (resolver.staysInProject(file, computed.prefix)) {
        if (reachable) reachabilityKnown = false;
        continue;
      }
      const spot = computedBlindSpot(file, computed);
      if (!spot.candidates && !spot.prefix) openSpots.push(spot);
      blindSpots.push(spot);
    }
    // A declaration file's strings (`declare module "x"`) are erased: they load nothing.
    if (!/\.d\.[cm]?ts$/.test(file)) pushAll(written, imports.strings);
    for (const raw of imports.imports) {
      const target = resolver.resolve(file, raw.specifier);
      // A sibling workspace resolves to its file, and is still a package its importer declares.
      const sibling = target.file ? packageOfSpecifier(raw.specifier) : null;
      const name = target.package ?? (sibling && own.has(sibling) ? sibling : null);
      if (!name || (own.has(name) && !declaredNames.has(name))) continue;
      const { symbols: written, exportedAs: _, ...rest } = raw;
      const symbols = narrowed.get(raw) ?? written;
      const specifier = target.specifier ?? raw.specifier;
      const site = { ...rest, specifier, file, symbols: [...symbols].sort(), role, reachable };
      const list = sites.get(name);
      if (list) list.push(site);
      else sites.set(name, [site]);
      useIn(name, ownerOf(file));
    }
    if (role === "config") {
      for (const s of [...imports.strings, ...imports.keys]) configStrings.push([file, s]);
    }
  }
  for (const sheet of stylesheets) {
    for (const use of stylesheetUses(sheet.text, declaredNames)) {
      const name = packageOfSpecifier(use.specifier);
      if (!name || (own.has(name) && !declaredNames.has(name))) continue;
      // Stylesheets are not in the import graph: a sheet nothing imports is still built by a
      // bundler's glob or a `sass src:dist` script, so it counts as reached.
      const site: UsageSite = {
        file: sheet.path,
        specifier: use.specifier,
        line: use.line,
        kind: "stylesheet",
        symbols: [],
        typeOnly: false,
        role: fileRole(sheet.path),
        reachable: true,
      };
      sites.set(name, [...(sites.get(name) ?? []), site]);
      useIn(name, ownerOf(sheet.path));
    }
  }
  const scripts = new Map<string, string[]>();
  const mentions = new Map<string, string[]>();
  const addScripts = (uses: Map<string, string[]>, dir: string) => {
    for (const [pkg, list] of uses) {
      scripts.set(pkg, [...(scripts.get(pkg) ?? []), ...list]);
      useIn(pkg, dir);
    }
  };
  // A script's PATH holds its own workspace's and the root's installed binaries.
  const onPath = (dir: string) =>
    new Set(
      declarations.filter((d) => d.dir === dir || d.dir === "").flatMap((d) => Object.keys(d.of)),
    );
  const bins = input.bins ?? new Map<string, string>();
  for (const m of input.manifests) {
    addScripts(scriptUses(stringRecord(m.data.scripts), declaredNames, bins, onPath(m.dir)), m.dir);
    for (const text of Object.values(stringRecord(m.data.scripts)))
      pushAll(written, text.split(/\s+/));
    for (const key of configKeys)
      collect(m.data[key], configStrings, `${m.dir || "."}/package.json`);
  }
  // Git hooks, lint-staged tasks and workflow steps run commands like scripts do.
  for (const { name, command, dir } of toolCommands(toolProject)) {
    const owner = dir === undefined ? ownerOf(name) : ownerOf(`${dir}/package.json`);
    addScripts(scriptUses({ [name]: command }, declaredNames, bins, onPath(owner)), owner);
    pushAll(written, command.split(/\s+/));
  }
  const mention = (name: string, file: string, text: string) => {
    mentions.set(name, [...(mentions.get(name) ?? []), text]);
    useIn(name, ownerOf(file));
  };
  for (const [file, s] of configStrings) {
    const text = texts.get(file);
    const where = text === undefined ? file : `${file}:${lineOf(text, s)}`;
    for (const name of configMentions([s], declaredNames, file))
      mention(name, file, `${where}: ${s}`);
    written.push(s);
  }
  for (const use of toolUses(toolProject))
    mention(use.name, use.file, `${use.file}:${use.line}: ${use.detail}`);
  if (openSpots.length > 0) {
    // A package imported by name elsewhere is used whatever the spot loads: leave it out.
    const candidates = [...namesWrittenIn(written, declaredNames)].filter((n) => !sites.has(n));
    candidates.sort();
    for (const spot of openSpots) spot.candidates = candidates;
  }
  const types = ambientTypes(declaredNames, parsed, blindSpots, input, ownerOf);
  for (const [name, dirs] of types.usedIn) for (const dir of dirs) useIn(name, dir);

  const names = new Set([...declaredNames, ...sites.keys()]);
  const rolesOf = new Map<string, UsageEvidence["roles"]>();
  for (const name of names) {
    const scriptCount = scripts.get(name)?.length ?? 0;
    const roles = usageRoles(sites.get(name) ?? [], scriptCount, mentions.get(name)?.length ?? 0);
    if (types.used.has(name)) roles.push("types");
    rolesOf.set(name, roles);
  }
  const peers = peerUses(rolesOf, input.peers ?? new Map(), input.optionalPeers ?? new Map());
  pushAll(blindSpots, peers.spots);

  const packages = new Map<string, UsageEvidence>();
  for (const name of names) {
    const declaring = declarations.filter((d) => d.of[name]);
    const declaredAs = declaring.flatMap((d) => d.of[name] ?? []);
    const declaredBy = declaring.map((d) => d.dir);
    const pkgSites = sites.get(name) ?? [];
    const roles = rolesOf.get(name) ?? [];
    const spots = blindSpotsFor(name, blindSpots).filter((spot) =>
      blindSpotInScope(spot, declaredBy, ownerOf),
    );
    const runs = pkgSites.filter((s) => s.role === "source" && s.reachable && !s.typeOnly);
    const browserOnly = runs.length > 0 && runs.every((s) => reach.browser.has(s.file));
    const misplaced =
      input.manifests.length > 1
        ? misplacedDeclarations(declaredBy, usedIn.get(name) ?? new Set())
        : null;
    packages.set(name, {
      name,
      class: classifyUsage(roles, spots, declaredAs.length > 0, reachabilityKnown),
      declaredAs: [...new Set(declaredAs)],
      roles,
      sites: pkgSites,
      symbols: [...new Set(pkgSites.flatMap((s) => s.symbols))].sort(),
      scripts: scripts.get(name) ?? [],
      configMentions: [...new Set(mentions.get(name) ?? [])],
      blindSpots: spots,
      replacement: findReplacement(name),
      ...(misplaced ? { misplaced } : {}),
      ...(browserOnly ? { browserOnly: true as const } : {}),
      ...(types.redundant.has(name) ? { typesShippedBy: types.redundant.get(name) } : {}),
      ...(peers.loadedBy.has(name) ? { loadedBy: peers.loadedBy.get(name) } : {}),
    });
  }
  return {
    packages,
    filesParsed: parsed.size,
    deadFiles: reach.dead,
    entriesFound: reach.entriesFound,
    blindSpots,
  };
}

function parseFile(
  file: SourceFile,
  blindSpots: BlindSpot[],
  bins: ReadonlyMap<string, string>,
): FileImports | null {
  const { programs, error } = parseSource(file.path, file.text);
  if (error) {
    blindSpots.push(parseFailureSpot(file.path, error.line, error.message));
    return null;
  }
  const merged: FileImports = { imports: [], computed: [], strings: [], keys: [] };
  for (const program of programs) {
    const found = extractImports(program as never, /\.d\.[cm]?ts$/.test(file.path));
    pushAll(merged.imports, found.imports);
    pushAll(merged.computed, found.computed);
    pushAll(merged.strings, found.strings);
    pushAll(merged.keys, found.keys);
    // `node_modules/.bin/tool` spawned by path: the package that installs that binary.
    for (const bin of found.binaries ?? []) {
      const owner = bins.get(bin.name);
      if (owner) merged.imports.push(resolveSite(owner, bin.line));
    }
  }
  pushAll(merged.imports, compiledImports(file.path, merged.imports));
  return merged;
}

function resolveSite(specifier: string, line: number): FileImports["imports"][number] {
  return { specifier, line, kind: "require-resolve", symbols: new Set(), typeOnly: false };
}

function computedBlindSpot(file: string, computed: FileImports["computed"][number]): BlindSpot {
  const spot: BlindSpot = {
    file,
    line: computed.line,
    kind: "computed-specifier",
    detail: computed.detail,
  };
  if (computed.choices) {
    spot.candidates = computed.choices
      .map(packageOfSpecifier)
      .filter((n): n is string => n !== null);
  } else if (computed.prefix !== "") spot.prefix = computed.prefix;
  return spot;
}

/** name → how this manifest declares it. */
function declaredIn(data: Record<string, unknown>): Record<string, UsageEvidence["declaredAs"]> {
  const out: Record<string, UsageEvidence["declaredAs"]> = {};
  for (const [section, scope] of Object.entries(sections)) {
    for (const name of Object.keys(stringRecord(data[section]))) {
      out[name] = [...(out[name] ?? []), scope];
    }
  }
  return out;
}

/** Tools read their config from these package.json keys too. */
const configKeys = [
  "eslintConfig",
  "prettier",
  "babel",
  "jest",
  "stylelint",
  "commitlint",
  "browserslist",
  "lint-staged",
  "remarkConfig",
  "xo",
  "ava",
  "c8",
  "nyc",
  "mocha",
  "postcss",
  "stylelint",
  "release-it",
];

/** Every string and key of a config value, as `[file, string]` pairs. */
function collect(value: unknown, out: [string, string][], file: string): void {
  if (typeof value === "string") out.push([file, value]);
  else if (Array.isArray(value)) for (const v of value) collect(v, out, file);
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      // `{ "plugins": { "react": true } }` and `{ "@babel/env": {...} }` name packages as keys.
      out.push([file, k]);
      collect(v, out, file);
    }
  }
}
