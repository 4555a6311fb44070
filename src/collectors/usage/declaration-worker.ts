import { parentPort } from "node:worker_threads";
import { declaredSurface, loadTypeScript } from "./declared-exports.js";
import type { InstalledPackage } from "./package-footprint.js";

/**
 * The worker thread behind `createDeclarationChecker`: answers each
 * `{ id, name, pkg }` with the package's declared surface. TypeScript is
 * loaded as soon as the thread starts, while the first question is copied in.
 */
loadTypeScript();
parentPort?.on("message", (job: { id: number; name: string; pkg: InstalledPackage }) => {
  parentPort?.postMessage({ id: job.id, surface: declaredSurface(job.name, job.pkg) });
});
