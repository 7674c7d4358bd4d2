/**
 * Terraform import: a generated directory of 500 aws_vpc_endpoint resources in 50 files
 * (plus the VPC and subnets they use) and a generated plan JSON of 500 endpoint instances,
 * each imported into a topology (read, evaluate, map) — the first import of the process
 * (hcl2json's WebAssembly loads then) apart from the warm ones. The baseline, measured in
 * the same run: JSON.parse of the plan's text.
 */
import { importTerraform } from "../src/terraform/importTerraform.js";
import { generatedConfig } from "../test/terraform/hcl/generatedConfig.js";
import { generatedPlan } from "../test/terraform/plan/generatedPlan.js";
import { measure, ms, table, verdict } from "./measure.js";

/** Target from issue 14: each import under a second. */
export const IMPORT_TARGET_MS = 1000;

async function timed(
  run: () => Promise<unknown>,
  runs = 5,
): Promise<{ first: number; best: number }> {
  let started = performance.now();
  await run();
  const first = performance.now() - started;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i += 1) {
    started = performance.now();
    await run();
    best = Math.min(best, performance.now() - started);
  }
  return { first, best };
}

export async function runImportBench(): Promise<void> {
  const files = generatedConfig();
  const plan = generatedPlan(50, 10);
  const planText = JSON.stringify(plan);
  const hcl = await timed(() => importTerraform({ files }));
  const fromPlan = await timed(() => importTerraform({ plan: JSON.parse(planText) }));
  const parse = measure(() => JSON.parse(planText), 20);
  const counted = await importTerraform({ files });
  const endpoints = counted.topology.accounts.reduce(
    (n, a) => n + (a.vpcs ?? []).reduce((m, v) => m + (v.endpoints?.length ?? 0), 0),
    0,
  );
  console.log(
    `import benchmark — ${Object.keys(files).length} .tf files (${endpoints} endpoints imported), a plan JSON of ${(planText.length / 1024).toFixed(0)} KiB; best of 5 warm runs, the process's first import apart`,
  );
  console.log(
    table([
      ["input", "first ms", "warm ms", "÷ JSON.parse of the plan", "target", ""],
      [
        "HCL directory (50 files)",
        ms(hcl.first),
        ms(hcl.best),
        `${(hcl.best / parse.medianMs).toFixed(0)}×`,
        `< ${IMPORT_TARGET_MS} ms`,
        verdict(hcl.best < IMPORT_TARGET_MS),
      ],
      [
        "plan JSON (500 instances)",
        ms(fromPlan.first),
        ms(fromPlan.best),
        `${(fromPlan.best / parse.medianMs).toFixed(0)}×`,
        `< ${IMPORT_TARGET_MS} ms`,
        verdict(fromPlan.best < IMPORT_TARGET_MS),
      ],
      ["JSON.parse of the plan (baseline)", "", ms(parse.medianMs), "1×", "", ""],
    ]),
  );
}
