import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { type ParseError, parse as parseJsonc, printParseErrorCode } from "jsonc-parser";
import { pushAll } from "../../util/extremes.js";
import { isValidPackageName } from "../../util/package-name.js";
import type { PathAliases } from "./path-aliases.js";
import type { BlindSpot } from "./types.js";

/**
 * TypeScript sets no limit on `extends` chains; real ones are two or three
 * deep (project → shared base → @tsconfig/*). Ten leaves room and stops a
 * generated chain from making jenga read without end.
 */
const maxExtendsDepth = 10;

// biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript's own placeholder, written as is in tsconfig files.
const configDirVariable = "${configDir}";

/** A tsconfig is a few kilobytes; a larger one is not worth parsing for aliases. */
const maxConfigBytes = 1_000_000;

/** What one config and its bases define, paths already absolute. */
interface Options {
  baseUrl?: string;
  /** `paths` with the folder its relative targets start from when there is no `baseUrl`. */
  paths?: { map: Record<string, string[]>; from: string };
}

export interface ReadAliases {
  aliases: PathAliases[];
  /** Configs that do not parse, or whose `extends` jenga would not or could not follow. */
  blindSpots: BlindSpot[];
}

/**
 * The `paths` and `baseUrl` of the tsconfig.json (else jsconfig.json) in
 * each folder (project-relative), `extends` followed within the project and
 * its node_modules only, never to a file elsewhere on the machine.
 */
export async function readPathAliases(root: string, dirs: readonly string[]): Promise<ReadAliases> {
  const reader = new ConfigReader(root, await realpath(root).catch(() => root));
  const aliases: PathAliases[] = [];
  for (const dir of [...new Set(dirs)].sort()) {
    const file = await firstExisting([
      path.join(root, dir, "tsconfig.json"),
      path.join(root, dir, "jsconfig.json"),
    ]);
    if (!file) continue;
    // Kept even without aliases: a workspace's own config hides the root's from its files.
    const options = await reader.load(file, [], true);
    aliases.push(toAliases(root, dir, options ?? {}));
  }
  return { aliases, blindSpots: reader.blindSpots };
}

/**
 * The folders to look for a tsconfig in: the root, each workspace, and any
 * other folder where the reader found a tsconfig.json (a nested app).
 */
export function configDirs(
  manifests: readonly { dir: string }[],
  files: readonly { path: string }[],
): string[] {
  const nested = files
    .filter((f) => /(^|\/)tsconfig\.json$/.test(f.path))
    .map((f) => path.posix.dirname(f.path).replace(/^\.$/, ""));
  return [...manifests.map((m) => m.dir), ...nested];
}

class ConfigReader {
  readonly blindSpots: BlindSpot[] = [];
  constructor(
    private readonly root: string,
    private readonly realRoot: string,
  ) {}

  /** The options `file` defines with its bases; `chain` is the files that extend it, to stop cycles. */
  async load(
    file: string,
    chain: string[],
    followReferences: boolean,
    leafDir = path.dirname(file),
  ): Promise<Options | null> {
    const data = await this.parse(file);
    if (!data) return null;
    let options: Options = {};
    for (const spec of extendsList(data.extends)) {
      const base = await this.findBase(spec, file, chain);
      const loaded = base ? await this.load(base, [...chain, file], false, leafDir) : null;
      if (loaded) options = { ...options, ...loaded };
    }
    options = { ...options, ...ownOptions(data, path.dirname(file), leafDir) };
    if (followReferences && options.baseUrl === undefined && options.paths === undefined) {
      // A solution-style tsconfig.json (`"files": []` and `references`, as Vite
      // writes it) keeps its aliases in the configs it references.
      for (const ref of references(data.references, path.dirname(file))) {
        const loaded = await this.load(ref, [...chain, file], false);
        if (loaded?.baseUrl !== undefined || loaded?.paths !== undefined) return loaded;
      }
    }
    return options;
  }

  private async parse(file: string): Promise<Record<string, unknown> | null> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || info.size > maxConfigBytes) return null;
    const text = await readFile(file, "utf8").catch(() => null);
    if (text === null) return null;
    const errors: ParseError[] = [];
    const data: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
    const first = errors[0];
    if (first || typeof data !== "object" || data === null || Array.isArray(data)) {
      const line = first ? text.slice(0, first.offset).split("\n").length : 1;
      const why = first ? printParseErrorCode(first.error) : "not an object";
      this.spot(file, line, "parse-error", `does not parse (${why}): its path aliases are unknown`);
      return null;
    }
    return data as Record<string, unknown>;
  }

  /** The file an `extends` names, if it is a .json file inside the project or a node_modules of it. */
  private async findBase(spec: string, from: string, chain: string[]): Promise<string | null> {
    const candidates = isRelative(spec)
      ? withJson(path.resolve(path.dirname(from), spec))
      : await packageCandidates(spec, path.dirname(from), this.root);
    const found = await firstExisting(candidates);
    if (!found) {
      // A shared base from a package (`@tsconfig/node20`) sets compiler flags, not this
      // project's aliases: missing (not installed) it hides nothing. A missing file of the
      // project's own is a broken chain.
      if (isRelative(spec)) this.spot(from, 0, "unread-config", `extends ${spec}: not found`);
      return null;
    }
    if (!(await this.allowed(found))) {
      this.spot(from, 0, "unread-config", `extends ${spec}: outside the project, not read`);
      return null;
    }
    if (found === from || chain.includes(found)) {
      this.spot(from, 0, "unread-config", `extends ${spec}: a cycle, not followed`);
      return null;
    }
    if (chain.length >= maxExtendsDepth) {
      this.spot(from, 0, "unread-config", `extends ${spec}: deeper than ${maxExtendsDepth}`);
      return null;
    }
    return found;
  }

  /** Only .json files inside the project; a symlink out of it only from within a node_modules. */
  private async allowed(file: string): Promise<boolean> {
    if (!file.endsWith(".json") || !inside(this.root, file)) return false;
    const real = await realpath(file).catch(() => null);
    if (!real) return false;
    const viaModules = path.relative(this.root, file).split(path.sep).includes("node_modules");
    return inside(this.realRoot, real) || viaModules;
  }

  private spot(file: string, line: number, kind: BlindSpot["kind"], detail: string): void {
    const rel = path.relative(this.root, file).split(path.sep).join("/");
    this.blindSpots.push({ file: rel, line, kind, detail: `${path.basename(file)} ${detail}` });
  }
}

/**
 * `${configDir}` (TypeScript 5.5) is the folder of the config being built,
 * not of the shared base that writes it: how a base in a package points into
 * the project that extends it.
 */
function ownOptions(data: Record<string, unknown>, dir: string, leafDir: string): Options {
  const fill = (p: string) => path.resolve(dir, p.replaceAll(configDirVariable, leafDir));
  const compilerOptions = data.compilerOptions;
  if (typeof compilerOptions !== "object" || compilerOptions === null) return {};
  const { baseUrl, paths } = compilerOptions as Record<string, unknown>;
  const out: Options = {};
  if (typeof baseUrl === "string") out.baseUrl = fill(baseUrl);
  if (typeof paths === "object" && paths !== null && !Array.isArray(paths)) {
    const map: Record<string, string[]> = {};
    for (const [pattern, targets] of Object.entries(paths)) {
      if (!Array.isArray(targets)) continue;
      // Absolute once `${configDir}` is filled in; else left relative to baseUrl or `from`.
      map[pattern] = targets
        .filter((t) => typeof t === "string")
        .map((t) => (t.includes(configDirVariable) ? fill(t) : t));
    }
    out.paths = { map, from: dir };
  }
  return out;
}

/** Targets are relative to `baseUrl` when there is one, else to the config that wrote `paths`. */
function toAliases(root: string, dir: string, options: Options): PathAliases {
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join("/");
  const base = options.baseUrl ?? options.paths?.from ?? path.join(root, dir);
  return {
    dir,
    baseUrl: options.baseUrl === undefined ? null : rel(options.baseUrl),
    paths: Object.entries(options.paths?.map ?? {}).map(([pattern, targets]) => ({
      pattern,
      targets: targets.map((t) => rel(path.resolve(base, t))),
    })),
  };
}

/** `extends` is a string, or since TypeScript 5.0 a list applied in order. */
function extendsList(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}

function references(value: unknown, dir: string): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((r) => (r && typeof r === "object" ? (r as { path?: unknown }).path : null))
    .filter((p): p is string => typeof p === "string")
    .map((p) => path.resolve(dir, p))
    .map((p) => (p.endsWith(".json") ? p : path.join(p, "tsconfig.json")));
}

function isRelative(spec: string): boolean {
  return /^\.{0,2}\//.test(spec) || path.isAbsolute(spec);
}

/** TypeScript adds `.json` to an `extends` without it; jenga reads nothing else. */
function withJson(file: string): string[] {
  return [file.endsWith(".json") ? file : `${file}.json`];
}

/**
 * `@tsconfig/node20/tsconfig.json`, `@tsconfig/node20` (its package.json
 * `tsconfig` field, else its tsconfig.json) in each node_modules from the
 * config's folder up to the project root. The package name is validated
 * before it becomes a path; `exports` maps are not read.
 */
async function packageCandidates(spec: string, from: string, root: string): Promise<string[]> {
  const parts = spec.split("/");
  const width = spec.startsWith("@") ? 2 : 1;
  const name = parts.slice(0, width).join("/");
  const subpath = parts.slice(width).join("/");
  if (!isValidPackageName(name) || parts.includes("..")) return [];
  const out: string[] = [];
  for (let dir = from; inside(root, dir); dir = path.dirname(dir)) {
    const pkg = path.join(dir, "node_modules", name);
    if (subpath) pushAll(out, withJson(path.join(pkg, subpath)));
    else {
      const field = await readTsconfigField(pkg);
      if (field) pushAll(out, withJson(path.join(pkg, field)));
      out.push(path.join(pkg, "tsconfig.json"));
    }
    if (dir === root) break;
  }
  return out;
}

async function readTsconfigField(pkg: string): Promise<string | null> {
  const text = await readFile(path.join(pkg, "package.json"), "utf8").catch(() => null);
  try {
    const field = text === null ? null : (JSON.parse(text) as { tsconfig?: unknown }).tsconfig;
    return typeof field === "string" && !field.split(/[/\\]/).includes("..") ? field : null;
  } catch {
    return null;
  }
}

function inside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

async function firstExisting(files: readonly string[]): Promise<string | null> {
  for (const file of files) {
    if ((await stat(file).catch(() => null))?.isFile()) return file;
  }
  return null;
}
