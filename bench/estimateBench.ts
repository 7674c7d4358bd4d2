import { availableParallelism, loadavg } from "node:os";
import {
  bundledCatalog,
  estimate,
  parseDocument,
  parseTopology,
  type Topology,
} from "../src/index.js";
import { generateOrganisation, type OrganisationShape } from "./generateOrganisation.js";
import { int, measure, ms, RUNS, type Timing, table, verdict, WARM_UPS } from "./measure.js";

/** Targets from the issue. */
export const ESTIMATE_TARGETS = {
  /** estimate of the full organisation, median ms */
  estimateMs: 300,
  /** estimate time / parse+validate time */
  ratioToValidate: 3,
  /** time ratio for 10× the input */
  linearRatio: 12,
} as const;

export interface EstimateBenchResult {
  shape: Required<Pick<OrganisationShape, "vpcs" | "endpointsPerVpc" | "azs">>;
  input: {
    accounts: number;
    vpcs: number;
    interfaceEndpoints: number;
    endpoints: number;
    enis: number;
    lines: number;
    jsonBytes: number;
  };
  /** (a) parseTopology on the in-memory document */
  validate: Timing;
  /** (b) parseDocument(JSON text) + parseTopology */
  parseAndValidate: Timing;
  /** (c) estimate(topology, catalog) */
  estimate: Timing;
  /** estimate / validate (c / a) */
  ratio: number;
  pass: { estimateMs: boolean; ratio: boolean };
  linearity: {
    smallVpcs: number;
    largeVpcs: number;
    small: Timing;
    large: Timing;
    /** large / small */
    ratio: number;
    pass: boolean;
  };
}

function counts(topology: Topology): {
  accounts: number;
  vpcs: number;
  interfaceEndpoints: number;
  endpoints: number;
  enis: number;
} {
  let vpcs = 0;
  let interfaceEndpoints = 0;
  let endpoints = 0;
  let enis = 0;
  for (const account of topology.accounts) {
    for (const vpc of account.vpcs) {
      vpcs += 1;
      for (const endpoint of vpc.endpoints) {
        endpoints += 1;
        if (endpoint.type === "interface") interfaceEndpoints += 1;
        if (endpoint.type !== "gateway") enis += endpoint.enis.length;
      }
    }
  }
  return { accounts: topology.accounts.length, vpcs, interfaceEndpoints, endpoints, enis };
}

/**
 * Benchmark of `estimate` on a 2,000 VPC × 15 interface endpoint × 3 AZ organisation,
 * against parsing+validating the same input, plus a linearity check (200 vs 2,000 VPCs).
 * Prints a report and returns the figures; never throws on a missed target.
 */
export function runEstimateBench(
  shape: { vpcs: number; endpointsPerVpc: number; azs: number } = {
    vpcs: 2_000,
    endpointsPerVpc: 15,
    azs: 3,
  },
): EstimateBenchResult {
  const loadStart = loadavg()[0] ?? 0;
  const catalog = bundledCatalog();
  const doc = generateOrganisation(shape);
  const text = JSON.stringify(doc);

  const validate = measure(() => parseTopology(doc));
  const parseAndValidate = measure(() => parseTopology(parseDocument(text)));
  const topology = parseTopology(doc);
  const estimated = measure(() => estimate(topology, catalog));
  const lines = estimate(topology, catalog).lines.length;
  const ratio = estimated.medianMs / validate.medianMs;
  const pass = {
    estimateMs: estimated.medianMs < ESTIMATE_TARGETS.estimateMs,
    ratio: ratio <= ESTIMATE_TARGETS.ratioToValidate,
  };
  const input = { ...counts(topology), lines, jsonBytes: Buffer.byteLength(text) };

  const smallVpcs = Math.max(1, Math.round(shape.vpcs / 10));
  const smallTopology = parseTopology(generateOrganisation({ ...shape, vpcs: smallVpcs }));
  // the small input runs as often as the large one is larger, so both runs last as long
  const small = measure(() => estimate(smallTopology, catalog), Math.round(shape.vpcs / smallVpcs));
  const large = measure(() => estimate(topology, catalog));
  const linearRatio = large.medianMs / small.medianMs;
  const linearity = {
    smallVpcs,
    largeVpcs: shape.vpcs,
    small,
    large,
    ratio: linearRatio,
    pass: linearRatio <= ESTIMATE_TARGETS.linearRatio,
  };

  const title = `${int.format(shape.vpcs)} VPCs × ${shape.endpointsPerVpc} interface endpoints × ${shape.azs} AZs`;
  console.log(`estimate benchmark — ${title} (median of ${RUNS} runs after ${WARM_UPS} warm-ups)`);
  console.log(
    `  node ${process.version}, ${availableParallelism()} CPUs, 1-min load average ${loadStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end (wall-clock times: load inflates them)`,
  );
  console.log(
    table([
      ["input", "accounts", "VPCs", "endpoints", "interface", "ENIs", "lines", "JSON"],
      [
        "",
        int.format(input.accounts),
        int.format(input.vpcs),
        int.format(input.endpoints),
        int.format(input.interfaceEndpoints),
        int.format(input.enis),
        int.format(input.lines),
        `${(input.jsonBytes / 1_048_576).toFixed(1)} MiB`,
      ],
    ]),
  );
  console.log();
  console.log(
    table([
      ["step", "median ms", "target", "result"],
      ["(a) parseTopology(doc)  [validate]", ms(validate.medianMs), "", ""],
      ["(b) parseDocument(JSON text) + parseTopology", ms(parseAndValidate.medianMs), "", ""],
      [
        "(c) estimate(topology, catalog)",
        ms(estimated.medianMs),
        `< ${ESTIMATE_TARGETS.estimateMs} ms`,
        verdict(pass.estimateMs),
      ],
      [
        "ratio (c) / (a)",
        `${ratio.toFixed(2)}×`,
        `≤ ${ESTIMATE_TARGETS.ratioToValidate}×`,
        verdict(pass.ratio),
      ],
    ]),
  );
  console.log();
  console.log(
    `linearity — estimate on ${int.format(smallVpcs)} vs ${int.format(shape.vpcs)} VPCs (each ${int.format(smallVpcs)}-VPC run is the mean of ${Math.round(shape.vpcs / smallVpcs)} back-to-back estimates, so both runs last as long)`,
  );
  console.log(
    table([
      ["VPCs", "median ms", "target", "result"],
      [int.format(smallVpcs), ms(small.medianMs), "", ""],
      [int.format(shape.vpcs), ms(large.medianMs), "", ""],
      [
        `ratio (${shape.vpcs / smallVpcs}× input)`,
        `${linearRatio.toFixed(2)}×`,
        `≤ ${ESTIMATE_TARGETS.linearRatio}×`,
        verdict(linearity.pass),
      ],
    ]),
  );

  return {
    shape: { vpcs: shape.vpcs, endpointsPerVpc: shape.endpointsPerVpc, azs: shape.azs },
    input,
    validate,
    parseAndValidate,
    estimate: estimated,
    ratio,
    pass,
    linearity,
  };
}
