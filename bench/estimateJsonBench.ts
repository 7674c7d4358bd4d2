import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runBenchChild } from "./benchChild.js";
import { generateOrganisation } from "./generateOrganisation.js";
import { int, ms, table, verdict } from "./measure.js";

/** Target from issue 11: estimate + JSON output of 20,000 VPCs within 1 GiB of RSS. */
export const SCALE_TARGET = { vpcs: 20_000, maxRssMiB: 1024 } as const;

interface ChildRun {
  code: number;
  ms: number;
  maxRssMiB: number;
  stdoutBytes: number;
}

const CHILD = fileURLToPath(new URL("./estimateJsonChild.ts", import.meta.url));

/** Run the child, counting its stdout bytes (the JSON written). */
async function runChild(args: string[]): Promise<ChildRun> {
  const { result, stdoutBytes } = await runBenchChild<Omit<ChildRun, "stdoutBytes">>(CHILD, args);
  return { ...result, stdoutBytes };
}

/**
 * `linkplan estimate --format json` of a 20,000-VPC organisation (300,000 endpoints, 1.2 M
 * lines) in a child process: completes, and its peak RSS stays under 1 GiB. Baseline: a
 * child that only reads and JSON-parses the same input.
 */
export async function runEstimateJsonBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "linkplan-scale-"));
  try {
    const file = join(dir, "organisation.json");
    const doc = generateOrganisation({ vpcs: SCALE_TARGET.vpcs, endpointsPerVpc: 15, azs: 3 });
    const text = JSON.stringify(doc);
    writeFileSync(file, text);
    const baseline = await runChild(["--parse-only", file]);
    const run = await runChild(["--estimate", file]);
    const pass = run.code === 0 && run.maxRssMiB < SCALE_TARGET.maxRssMiB;
    console.log(
      `scale benchmark — linkplan estimate --format json of ${int.format(SCALE_TARGET.vpcs)} VPCs × 15 interface endpoints × 3 AZs (${(text.length / 1_048_576).toFixed(1)} MiB JSON in), one child process each`,
    );
    console.log(
      table([
        ["run", "exit", "ms", "stdout MiB", "peak RSS MiB", "× baseline", "target", "result"],
        [
          "baseline: read + JSON.parse input",
          String(baseline.code),
          ms(baseline.ms),
          "0",
          baseline.maxRssMiB.toFixed(0),
          "1.0×",
          "",
          "",
        ],
        [
          "estimate --format json",
          String(run.code),
          ms(run.ms),
          (run.stdoutBytes / 1_048_576).toFixed(0),
          run.maxRssMiB.toFixed(0),
          `${(run.maxRssMiB / baseline.maxRssMiB).toFixed(1)}×`,
          `< ${SCALE_TARGET.maxRssMiB} MiB`,
          verdict(pass),
        ],
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
