import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/** Test files that replace modules (vi.mock): they need a module graph of their own. */
const MOCKING = ["test/terraform/mapping/importTerraform.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // hooks that stop a spawned server wait for it to drain and exit: over 10 s (vitest's
    // default) once, on a machine at load average 4.5
    hookTimeout: 30_000,
    // two test files at a time even on two cores (vitest's default there is one): the
    // slow files wait on child processes, browsers and servers as much as they compute
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // FC_SEED for every fast-check property, printed with a replay command on failure
    setupFiles: ["test/setup/fastCheckSeed.ts"],
    // fails the run when a test wrote into the repository
    globalSetup: ["test/setup/cleanTree.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: MOCKING,
          // the core keeps no module state (and tests restore what they set in process.env),
          // so test files share one module graph per worker: each file imported the sources
          // (and jsdom + mermaid) afresh, ~40 % of the suite's time (~340 s → ~210 s on two
          // cores)
          isolate: false,
        },
      },
      { extends: true, test: { name: "isolated", include: MOCKING, isolate: true } },
    ],
  },
});
