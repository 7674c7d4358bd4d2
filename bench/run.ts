/**
 * Runs the benchmarks and prints their reports: all of them, or those named on the
 * command line (`npm run bench -- diagram`). Benchmarks report, they do not fail the
 * process: a missed target is printed as FAIL and the exit code stays 0.
 */
import { runDiagramBench } from "./diagramBench.js";
import { runEstimateBench } from "./estimateBench.js";

const BENCHES: Record<string, () => unknown> = {
  estimate: runEstimateBench,
  diagram: runDiagramBench,
};

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
names.forEach((name, i) => {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; choose from ${Object.keys(BENCHES).join(", ")}`);
    process.exitCode = 2;
    return;
  }
  if (i > 0) console.log();
  bench();
});
