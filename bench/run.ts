/**
 * Runs the benchmarks and prints their reports: all of them, or those named on the
 * command line (`npm run bench -- diagram`), one after another (async ones are awaited).
 * Benchmarks report, they do not fail the process: a missed target is printed as FAIL
 * and the exit code stays 0. `diagram` ends with the formats benchmark, which
 * `diagram-formats` runs alone.
 */
import { runApiBench } from "./apiBench.js";
import { runDiagramBench } from "./diagramBench.js";
import { runDiagramFormatsBench } from "./diagramFormatsBench.js";
import { runEstimateBench } from "./estimateBench.js";
import { runEstimateJsonBench } from "./estimateJsonBench.js";
import { runImportBench } from "./importBench.js";
import { runPlaygroundBench } from "./playgroundBench.js";
import { runStartupBench } from "./startupBench.js";

const BENCHES: Record<string, () => unknown> = {
  estimate: runEstimateBench,
  diagram: async () => {
    const result = runDiagramBench();
    console.log();
    return { ...result, formats: await runDiagramFormatsBench() };
  },
  "diagram-formats": runDiagramFormatsBench,
  api: runApiBench,
  scale: runEstimateJsonBench,
  startup: runStartupBench,
  import: runImportBench,
  playground: runPlaygroundBench,
};

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
for (const [i, name] of names.entries()) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; choose from ${Object.keys(BENCHES).join(", ")}`);
    process.exitCode = 2;
    continue;
  }
  if (i > 0) console.log();
  await bench();
}
