import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // two test files at a time even on two cores (vitest's default there is one): the
    // slow files wait on child processes, browsers and servers as much as they compute, and
    // the suite takes ~5 minutes instead of ~7.5
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // FC_SEED for every fast-check property, printed with a replay command on failure
    setupFiles: ["test/setup/fastCheckSeed.ts"],
    // fails the run when a test wrote into the repository
    globalSetup: ["test/setup/cleanTree.ts"],
  },
});
