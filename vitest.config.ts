import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // FC_SEED for every fast-check property, printed with a replay command on failure
    setupFiles: ["test/setup/fastCheckSeed.ts"],
    // fails the run when a test wrote into the repository
    globalSetup: ["test/setup/cleanTree.ts"],
  },
});
