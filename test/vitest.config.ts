import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // CLI tests spawn the built binary and local servers; give them room without hiding hangs.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Never reach a real network from tests by accident.
    env: { JENGA_TEST: "1" },
  },
});
