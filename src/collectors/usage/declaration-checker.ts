import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type DeclaredSurface, declaredSurface } from "./declared-exports.js";
import { FolderFiles } from "./package-files.js";
import type { InstalledPackage } from "./package-footprint.js";

/**
 * Asks the TypeScript checker for a package's declared surface. Loading
 * TypeScript (~12 MB of code) and checking a large `@types` package takes
 * most of a second; in a worker thread that time overlaps with the parsing
 * of the other packages instead of adding to it.
 */
export interface DeclarationChecker {
  check(name: string, pkg: InstalledPackage): Promise<DeclaredSurface | null>;
  /** Starts loading TypeScript ahead of a likely question: a package is about to be read afresh. */
  prepare(): void;
  /** Stops the worker, if one was started. */
  close(): Promise<void>;
}

/** The same questions in this thread: where no worker file exists (tests run the sources), or after a worker failed. */
export function inThreadChecker(): DeclarationChecker {
  return {
    check: async (name, pkg) => declaredSurface(name, pkg),
    prepare: () => undefined,
    close: async () => undefined,
  };
}

const workerFile = new URL("./declaration-worker.js", import.meta.url);

interface Job {
  name: string;
  pkg: InstalledPackage;
  resolve: (surface: DeclaredSurface | null) => void;
}

/**
 * A checker whose worker thread starts when a package is first read afresh
 * (`prepare`), so that TypeScript loads while this thread parses; a warm run,
 * answered from cached digests, starts none. A worker that fails or exits
 * hands its open questions, and every later one, to this thread: the answer
 * is the same, only later.
 */
export function createDeclarationChecker(): DeclarationChecker {
  if (!existsSync(fileURLToPath(workerFile))) return inThreadChecker();
  const jobs = new Map<number, Job>();
  let worker: Worker | null = null;
  let failed = false; // true: every question is answered in this thread
  let next = 0;
  const fallBack = () => {
    failed = true;
    worker = null;
    for (const job of jobs.values()) job.resolve(declaredSurface(job.name, job.pkg));
    jobs.clear();
  };
  const start = (): Worker => {
    // A young generation of 8 MB, not V8's default: the checker's program is one long-lived
    // graph, so a small nursery costs it nothing measurable and the process peaks ~20 MB lower
    // (bench:usage: 259–261 MB against 270–284 MB).
    const started = new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    started.on("message", (answer: { id: number; surface: DeclaredSurface | null }) => {
      const job = jobs.get(answer.id);
      jobs.delete(answer.id);
      job?.resolve(answer.surface);
    });
    started.on("error", fallBack);
    started.on("exit", () => {
      if (jobs.size > 0) fallBack();
    });
    return started;
  };
  return {
    prepare() {
      if (!failed) worker ??= start();
    },
    check(name, pkg) {
      if (failed) return Promise.resolve(declaredSurface(name, pkg));
      worker ??= start();
      const id = next++;
      return new Promise((resolve) => {
        jobs.set(id, { name, pkg, resolve });
        worker?.postMessage({ id, name, pkg: posted(pkg) });
      });
    },
    async close() {
      // Questions asked after closing are answered here; open ones are, as the worker exits.
      failed = true;
      const stopping = worker;
      worker = null;
      if (stopping) await stopping.terminate();
    },
  };
}

/** A package as it is copied into the worker: see `posted`. */
export interface PostedPackage {
  manifest: Record<string, unknown>;
  caveats: string[];
  files: Map<string, string> | { dir: string; names: string[]; maxBytes: number };
  typesPackage?: PostedPackage;
}

/**
 * The package as the checker reads it, made small to copy: an installed one
 * is its folder and file names (the worker reads the declarations TypeScript
 * asks for); one held in memory (a tarball) is every file's name with only
 * the declaration files' texts.
 */
function posted(pkg: InstalledPackage): PostedPackage {
  let files: PostedPackage["files"];
  if (pkg.files instanceof FolderFiles) {
    const { dir, names, maxBytes } = pkg.files;
    files = { dir, names: [...names], maxBytes };
  } else {
    files = new Map();
    for (const file of pkg.files.keys())
      files.set(file, declarationFile.test(file) ? (pkg.files.get(file) ?? "") : "");
  }
  const out: PostedPackage = { manifest: pkg.manifest, caveats: pkg.caveats, files };
  if (pkg.typesPackage) out.typesPackage = posted(pkg.typesPackage);
  return out;
}

/** The worker's side of `posted`. */
export function received(pkg: PostedPackage): InstalledPackage {
  const { files } = pkg;
  const out: InstalledPackage = {
    manifest: pkg.manifest,
    caveats: pkg.caveats,
    files:
      files instanceof Map
        ? files
        : new FolderFiles(files.dir, new Set(files.names), files.maxBytes),
  };
  if (pkg.typesPackage) out.typesPackage = received(pkg.typesPackage);
  return out;
}

const declarationFile = /\.d\.[cm]?ts$/;
