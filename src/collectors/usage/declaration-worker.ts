import { parentPort } from "node:worker_threads";
import { type PostedPackage, received } from "./declaration-checker.js";
import { declaredSurface, loadTypeScript } from "./declared-exports.js";

/**
 * The worker thread behind `createDeclarationChecker`: answers each
 * `{ id, name, pkg }` with the package's declared surface. TypeScript is
 * loaded as soon as the thread starts, while the first question is copied in.
 */
loadTypeScript();
parentPort?.on("message", (job: { id: number; name: string; pkg: PostedPackage }) => {
  parentPort?.postMessage({ id: job.id, surface: declaredSurface(job.name, received(job.pkg)) });
});
