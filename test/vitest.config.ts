import { configDefaults, defineConfig } from "vitest/config";

/**
 * Files that run each in a fresh process of its own (forks, isolated):
 * - those that replace modules with vi.mock, so their mocks never reach another file's imports;
 * - those that measure a child's peak memory (maxRSS): Linux starts a child's peak at its
 *   parent's size, and a worker thread's parent is vitest's main process (300 MB and more);
 * - wide-inventories, which reads 130,000 entries in-process: it gets a heap of its own.
 */
const isolated = [
  "test/hostile/full-disk-output.test.ts",
  "test/hostile/report-all-or-nothing.test.ts",
  "test/hostile/clone-size-poll.test.ts",
  "test/hostile/installed-file-size.test.ts",
  "test/hostile/packument-memory.test.ts",
  "test/hostile/wide-inventories.test.ts",
  "test/collectors/registry-client-memory.test.ts",
];

export default defineConfig({
  test: {
    // CLI tests spawn the built binary and local servers; give them room without hiding hangs.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Never reach a real network from tests by accident.
    env: { JENGA_TEST: "1" },
    // vitest's default on two cores is one worker: the suite ran file after file. Most slow
    // files wait on spawned processes and local servers, so two keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...isolated],
          // One module graph per worker thread instead of one per file: the import phase
          // (ajv, the inventory readers, the collectors, the report) is paid per worker, not
          // per file. No file here mocks a module, stubs a global or changes the process's
          // working directory; the modules' own state is lazy loads and caches of facts.
          pool: "threads",
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: "isolated", include: isolated, pool: "forks", isolate: true },
      },
    ],
  },
});
