import { renderAscii } from "../src/diagram/ascii/renderAscii.js";
import { NO_DIAGRAM_LIMITS } from "../src/diagram/diagramLimits.js";
import { drawTopology } from "../src/diagram/drawTopology.js";
import type { DiagramGraph } from "../src/diagram/graph/diagramGraph.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import { layoutWork, totalWork } from "../src/diagram/layout/layoutWork.js";
import { renderSvg } from "../src/diagram/svg/renderSvg.js";
import { parseTopology, type Topology, type TopologyInput } from "../src/index.js";
import { generateOrganisation } from "./generateOrganisation.js";
import { collector, int, median, ms, table, verdict } from "./measure.js";

/** Target: the diagram of 2,000 VPCs takes at most this many times that of 500. */
export const SCALE_TARGET = 5;

interface Times {
  /** median wall-clock ms */
  wall: number;
  /** median CPU ms of this process (all its threads): what the run itself cost */
  cpu: number;
}

/**
 * Median wall and CPU time of each of `fns` over `runs` rounds after a warm-up round,
 * every round running each once in turn: the sizes share whatever load the machine has
 * (the big diagrams take seconds, so few runs), each after a full collection. On a
 * machine shared with other work the CPU time is the steadier figure: waiting for a core
 * counts in wall time only.
 */
function timeInterleaved(fns: readonly (() => unknown)[], runs: number): Times[] {
  const gc = collector();
  for (const fn of fns) fn();
  const wall: number[][] = fns.map(() => []);
  const cpu: number[][] = fns.map(() => []);
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, i) => {
      // each run starts on a collected heap: the garbage of the big diagram is not
      // collected on the small one's time
      gc();
      const start = performance.now();
      const startCpu = process.cpuUsage();
      fn();
      const used = process.cpuUsage(startCpu);
      wall[i]?.push(performance.now() - start);
      cpu[i]?.push((used.user + used.system) / 1000);
    });
  }
  return fns.map((_, i) => ({ wall: median(wall[i] ?? []), cpu: median(cpu[i] ?? []) }));
}

/** layout (no size limits) + renderAscii + renderSvg. */
function drawUnlimited(graph: DiagramGraph): number {
  const scene = layout(graph, { limits: NO_DIAGRAM_LIMITS });
  return renderAscii(scene).length + renderSvg(scene).length;
}

function nodeCount(graph: DiagramGraph): number {
  let n = 0;
  const stack = [...graph.items];
  for (let item = stack.pop(); item; item = stack.pop()) {
    n++;
    if (item.type === "group") stack.push(...item.children);
  }
  return n;
}

/** One VPC with `count` gateway endpoints (alternately S3 and DynamoDB). */
function gatewayVpc(count: number): TopologyInput {
  return {
    name: `${count} gateway endpoints`,
    accounts: [
      {
        id: "a",
        vpcs: [
          {
            id: "v",
            region: "eu-west-2",
            azs: ["eu-west-2a"],
            endpoints: Array.from({ length: count }, (_, i) => ({
              id: `e${i}`,
              type: "gateway" as const,
              service: i % 2 === 0 ? ("s3" as const) : ("dynamodb" as const),
            })),
          },
        ],
      },
    ],
  };
}

/** drawTopology with the default limits: ms, and what came out (chars or the refusal). */
function drawLimited(topology: Topology, detail: "accounts" | "vpcs"): [number, string] {
  const start = performance.now();
  let outcome: string;
  try {
    outcome = `${int.format(drawTopology(topology, { format: "ascii", detail }).length)} chars`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outcome = `refused: ${message.replace(/^the diagram is too large to draw: /, "").replace(/;.*$/, "")}`;
  }
  return [performance.now() - start, outcome];
}

export interface DiagramScaleResult {
  vpcs: { vpcs: number; ms: number; cpuMs: number; work: number }[];
  ratio: number;
  pass: boolean;
}

/**
 * Scaling: the benchmark organisation (workloads, endpoint services consumed across
 * accounts) at detail vpcs for 100, 500 and 2,000 VPCs, layout (no size limits) + ASCII +
 * SVG, median of 3 rounds (sizes interleaved), with LayoutWork totals; then one VPC with N
 * gateway endpoints, without limits where that ends in seconds, and as the API draws it
 * (default limits, ASCII).
 */
export function runDiagramScaleBench(): DiagramScaleResult {
  console.log(
    "scaling — benchmark organisation (15 interface endpoints × 3 AZs, workloads, endpoint services) at detail vpcs; layout (no size limits) + renderAscii + renderSvg, median of 3 rounds after a warm-up round, the sizes in turn within each round; work: LayoutWork total",
  );
  const rows: string[][] = [
    ["VPCs", "nodes", "edges", "wall ms", "CPU ms", "× 100 VPCs (CPU)", "work", "× 100 VPCs"],
  ];
  const counts = [100, 500, 2_000];
  const graphs = counts.map((count) =>
    toGraph(
      parseTopology(
        generateOrganisation({
          vpcs: count,
          endpointsPerVpc: 15,
          azs: 3,
          workloadUses: 3,
          providerEvery: 10,
        }),
      ),
      { detail: "vpcs" },
    ),
  );
  const works = graphs.map((graph) => {
    const work = layoutWork();
    layout(graph, { limits: NO_DIAGRAM_LIMITS, work });
    return totalWork(work);
  });
  const times = timeInterleaved(
    graphs.map((graph) => () => drawUnlimited(graph)),
    3,
  );
  const vpcs: DiagramScaleResult["vpcs"] = counts.map((count, i) => ({
    vpcs: count,
    ms: times[i]?.wall ?? 0,
    cpuMs: times[i]?.cpu ?? 0,
    work: works[i] ?? 0,
  }));
  const first = vpcs[0] ?? { ms: 1, cpuMs: 1, work: 1 };
  vpcs.forEach((v, i) => {
    const graph = graphs[i];
    if (!graph) return;
    rows.push([
      int.format(v.vpcs),
      int.format(nodeCount(graph)),
      int.format(graph.edges.length),
      ms(v.ms),
      ms(v.cpuMs),
      `${(v.cpuMs / first.cpuMs).toFixed(1)}×`,
      int.format(v.work),
      `${(v.work / first.work).toFixed(1)}×`,
    ]);
  });
  console.log(table(rows));
  const at = (n: number) => vpcs.find((v) => v.vpcs === n) ?? { ms: 0, cpuMs: 0, work: 0 };
  const ratio = at(2_000).cpuMs / at(500).cpuMs;
  const pass = ratio <= SCALE_TARGET;
  console.log(
    table([
      ["check", "value", "target", "result"],
      [
        "CPU time 2,000 VPCs ÷ 500 VPCs",
        `${ratio.toFixed(2)}×`,
        `≤ ${SCALE_TARGET}×`,
        verdict(pass),
      ],
      ["wall time 2,000 VPCs ÷ 500 VPCs", `${(at(2_000).ms / at(500).ms).toFixed(2)}×`, "", ""],
      ["work 2,000 VPCs ÷ 500 VPCs", `${(at(2_000).work / at(500).work).toFixed(2)}×`, "", ""],
    ]),
  );
  console.log(
    "  (consumers reach endpoint services in other accounts: those edges get longer with the organisation, so the drawing — and its work — grows faster than the VPC count)",
  );

  console.log();
  console.log(
    "one VPC with N gateway endpoints (each with its edge to S3 or DynamoDB): layout + ASCII + SVG without limits (median of 3 after a warm-up), and drawTopology(format ascii) with the default limits as the API calls it (one run; refused past a limit)",
  );
  const gwRows: string[][] = [
    ["N", "unlimited ms", "work", "default limits ms", "outcome", "detail accounts ms"],
  ];
  for (const count of [2_000, 4_000, 20_000]) {
    const topology = parseTopology(gatewayVpc(count));
    const graph = toGraph(topology);
    let unlimited = "(minutes)";
    let work = "";
    if (count <= 4_000) {
      const counter = layoutWork();
      layout(graph, { limits: NO_DIAGRAM_LIMITS, work: counter });
      work = int.format(totalWork(counter));
      unlimited = ms(timeInterleaved([() => drawUnlimited(graph)], 3)[0]?.wall ?? 0);
    }
    const [limitedMs, outcome] = drawLimited(topology, "vpcs");
    const [coarseMs] = drawLimited(topology, "accounts");
    gwRows.push([int.format(count), unlimited, work, ms(limitedMs), outcome, ms(coarseMs)]);
  }
  console.log(table(gwRows));
  return { vpcs, ratio, pass };
}
