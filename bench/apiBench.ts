import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import Fastify, { type FastifyInstance } from "fastify";
import { parse as parseYaml } from "yaml";
import type { ApiOptions } from "../src/api/apiOptions.js";
import { API_DEFAULTS as SERVER_DEFAULTS } from "../src/api/apiOptions.js";
import { type HostileOutcome, hostileRequests, sendHostileFromChild } from "./apiHostileMix.js";
import { fireLoad, type LoadRun } from "./autocannonRun.js";
import { int, median, ms, table, verdict } from "./measure.js";
import { shippedBuildApp } from "./shippedBuild.js";

/** Targets from the issues. */
export const API_TARGETS = {
  /** linkplan POST /v1/estimate req/s ÷ the fair baseline (bare Fastify /replay) req/s */
  ratioToReplay: 0.7,
  /** p99 of normal requests with one hostile request a second ÷ p99 without */
  hostileP99Factor: 2,
  /** RSS growth over the load run, MiB */
  rssGrowthMiB: 50,
} as const;

export const API_DEFAULTS = {
  /** seconds of each load run (LINKPLAN_BENCH_API_LOAD_SECONDS overrides it) */
  loadSeconds: 60,
  /** seconds of each measured comparison run */
  compareSeconds: 10,
  /** seconds of the unmeasured warm-up run before each comparison */
  warmUpSeconds: 3,
  /** concurrent keep-alive connections, pipelining 1 */
  connections: 10,
} as const;

export interface ApiBenchOptions {
  loadSeconds?: number;
  compareSeconds?: number;
  warmUpSeconds?: number;
  connections?: number;
}

export interface ApiBenchResult {
  bodyBytes: number;
  responseBytes: number;
  runs: LoadRun[];
  /** mean req/s of the /replay segments (alternating with linkplan default's) */
  replayReqPerSec: number;
  /** linkplan (default options) req/s ÷ /replay req/s: the median of the pairs' ratios */
  ratio: number;
  /** each pair of segments' ratio, in the order run */
  pairRatios: number[];
  load: {
    seconds: number;
    segments: number;
    quiet: CombinedRun;
    hostile: CombinedRun;
    outcome: HostileOutcome;
  };
  rss: { beforeMiB: number; afterMiB: number; peakMiB: number };
  pass: { ratio: boolean; hostile: boolean; load: boolean };
}

const MiB = 1024 * 1024;
const EXAMPLE = new URL("../examples/endpoints-module.yaml", import.meta.url);
const HELLO_BODY = JSON.stringify({ hello: "world" });

function loadSecondsFromEnv(): number | undefined {
  const raw = process.env.LINKPLAN_BENCH_API_LOAD_SECONDS;
  if (raw === undefined || raw === "") return undefined;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`LINKPLAN_BENCH_API_LOAD_SECONDS must be a positive number, got "${raw}"`);
  }
  return seconds;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

const rssMiB = () => process.memoryUsage().rss / MiB;

/** Pairs of alternating segments (compareSeconds ÷ 2 each) of the baseline and linkplan default. */
const RATIO_PAIRS = 5;

/** Seconds of each load segment; segments alternate without and with hostile requests. */
const SEGMENT_SECONDS = 10;

/** Load segments of one kind together: summed counts, the median and spread of their p99. */
interface CombinedRun extends LoadRun {
  p99sMs: number[];
}

function combine(runs: readonly LoadRun[]): CombinedRun {
  const p99s = runs.map((r) => r.p99Ms).sort((a, b) => a - b);
  const sum = (f: (r: LoadRun) => number) => runs.reduce((n, r) => n + f(r), 0);
  const requests = sum((r) => r.requests);
  return {
    target: runs[0]?.target ?? "",
    reqPerSec: sum((r) => r.reqPerSec) / Math.max(1, runs.length),
    p50Ms: [...runs.map((r) => r.p50Ms)].sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? 0,
    p99Ms: p99s[Math.floor(p99s.length / 2)] ?? 0,
    p99sMs: p99s,
    requests,
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    cpuUsPerRequest: sum((r) => r.cpuUsPerRequest * r.requests) / Math.max(1, requests),
  };
}

/** The linkplan configurations compared on the small estimate body. */
const CONFIGS: { label: string; options: ApiOptions }[] = [
  { label: "linkplan default", options: {} },
  { label: "linkplan pool of 1 (every body)", options: { workers: 1, inlineBelow: 0 } },
  {
    label: `linkplan pool of ${availableParallelism()} (every body)`,
    options: { workers: availableParallelism(), inlineBelow: 0 },
  },
  { label: "linkplan pool of 4 (every body)", options: { workers: 4, inlineBelow: 0 } },
];

/**
 * POST /v1/estimate of examples/endpoints-module.yaml (as JSON) against the fair baseline —
 * bare Fastify taking the same body and serializing the same answer object per request —
 * in several linkplan configurations (inline, pools of 1, CPUs and 4 threads); then two
 * load runs of the default app, without and with one hostile request a second.
 * autocannon runs in a child process, so the CPU time measured here is the servers' own.
 */
export async function runApiBench(options: ApiBenchOptions = {}): Promise<ApiBenchResult> {
  const buildApp = await shippedBuildApp();
  const loadSeconds = options.loadSeconds ?? loadSecondsFromEnv() ?? API_DEFAULTS.loadSeconds;
  const compareSeconds = options.compareSeconds ?? API_DEFAULTS.compareSeconds;
  const warmUpSeconds = options.warmUpSeconds ?? API_DEFAULTS.warmUpSeconds;
  const connections = options.connections ?? API_DEFAULTS.connections;
  const loadStart = loadavg()[0] ?? 0;
  const body = JSON.stringify(parseYaml(readFileSync(EXAMPLE, "utf8")));

  // the baseline: Fastify's default JSON parser takes the body, the route answers the
  // estimate's object, which Fastify's default serializer (JSON.stringify) writes each time
  let replayAnswer: unknown = {};
  const hello = Fastify({ logger: false });
  hello.post("/echo", async () => ({ hello: "world" }));
  hello.post("/replay", async () => replayAnswer);
  const helloUrl = await listen(hello);
  const measure = async (target: string, url: string, payload: string) => {
    if (warmUpSeconds > 0)
      await fireLoad(target, { url, body: payload, connections, seconds: warmUpSeconds });
    return fireLoad(target, { url, body: payload, connections, seconds: compareSeconds });
  };

  const runs: LoadRun[] = [];
  let responseBytes = 0;
  let monthly: string | undefined;
  runs.push(await measure("fastify POST /echo (hello world)", `${helloUrl}/echo`, HELLO_BODY));
  let replay: CombinedRun | undefined;
  let pairRatios: number[] = [];
  for (const [i, config] of CONFIGS.entries()) {
    const app = await buildApp({ logger: false, ...config.options });
    try {
      const url = `${await listen(app)}/v1/estimate`;
      const check = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      const answer = await check.text();
      if (check.status !== 200) throw new Error(`${config.label} answered ${check.status}`);
      if (i > 0) {
        runs.push(await measure(config.label, url, body));
        continue;
      }
      responseBytes = Buffer.byteLength(answer);
      replayAnswer = JSON.parse(answer);
      monthly = (replayAnswer as { totals?: { monthly?: string } }).totals?.monthly;
      // the default app against the baseline in alternating segments, in turn first and
      // second (ABBA), so that other load on the machine weighs on both alike
      const targets = [
        { label: "fastify POST /replay (baseline)", url: `${helloUrl}/replay` },
        { label: config.label, url },
      ] as const;
      for (const t of targets) {
        if (warmUpSeconds > 0)
          await fireLoad(t.label, { url: t.url, body, connections, seconds: warmUpSeconds });
      }
      const segments: [LoadRun[], LoadRun[]] = [[], []];
      const seconds = compareSeconds / 2;
      for (let pair = 0; pair < RATIO_PAIRS; pair++) {
        for (const k of pair % 2 === 0 ? [0, 1] : [1, 0]) {
          const t = targets[k as 0 | 1];
          segments[k as 0 | 1].push(
            await fireLoad(t.label, { url: t.url, body, connections, seconds }),
          );
        }
      }
      replay = combine(segments[0]);
      pairRatios = segments[1].map((l, k) => l.reqPerSec / (segments[0][k]?.reqPerSec ?? 0));
      runs.push(replay, combine(segments[1]));
    } finally {
      await app.close();
    }
  }
  await hello.close();
  const replayReqPerSec = replay?.reqPerSec ?? 0;
  const ratio = median(pairRatios);

  // load runs of the default app, without and with one hostile request a second, in
  // alternating segments so that other load on the machine weighs on both alike
  const app = await buildApp({ logger: false });
  let load: ApiBenchResult["load"];
  const segments = Math.max(1, Math.round(loadSeconds / SEGMENT_SECONDS));
  const segmentSeconds = loadSeconds / segments;
  let rss: ApiBenchResult["rss"];
  try {
    const origin = await listen(app);
    const url = `${origin}/v1/estimate`;
    await fireLoad("warm-up", { url, body, connections, seconds: warmUpSeconds || 1 });
    const quietRuns: LoadRun[] = [];
    const hostileRuns: LoadRun[] = [];
    const outcomes: HostileOutcome[] = [];
    const rssBefore = rssMiB();
    let rssPeak = rssBefore;
    let rssAfterQuiet = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMiB());
    }, 1000);
    try {
      for (let i = 0; i < segments; i++) {
        const run = { url, body, connections, seconds: segmentSeconds };
        quietRuns.push(await fireLoad("normal requests", run));
        // growth over normal requests only: the hostile ones start worker threads
        if (i === 0) rssAfterQuiet = rssMiB();
        const hostileSent = sendHostileFromChild(origin, segmentSeconds);
        hostileRuns.push(await fireLoad("normal requests + 1 hostile/s", run));
        outcomes.push(await hostileSent);
      }
    } finally {
      clearInterval(sampler);
    }
    rss = { beforeMiB: rssBefore, afterMiB: rssAfterQuiet, peakMiB: rssPeak };
    load = {
      seconds: loadSeconds,
      segments,
      quiet: combine(quietRuns),
      hostile: combine(hostileRuns),
      outcome: {
        sent: outcomes.reduce((n, o) => n + o.sent, 0),
        statuses: outcomes.reduce<Record<string, number>>((all, o) => {
          for (const [status, count] of Object.entries(o.statuses))
            all[status] = (all[status] ?? 0) + count;
          return all;
        }, {}),
        maxMs: Math.max(...outcomes.map((o) => o.maxMs)),
      },
    };
  } finally {
    await app.close();
  }
  const clean = (run: LoadRun) => run.errors === 0 && run.non2xx === 0;
  const result: ApiBenchResult = {
    bodyBytes: Buffer.byteLength(body),
    responseBytes,
    runs,
    replayReqPerSec,
    ratio,
    pairRatios,
    load,
    rss,
    pass: {
      ratio: ratio >= API_TARGETS.ratioToReplay,
      hostile: load.hostile.p99Ms <= API_TARGETS.hostileP99Factor * Math.max(1, load.quiet.p99Ms),
      load:
        clean(load.quiet) &&
        clean(load.hostile) &&
        rss.afterMiB - rss.beforeMiB < API_TARGETS.rssGrowthMiB &&
        load.outcome.statuses.error === undefined,
    },
  };
  print(result, { compareSeconds, warmUpSeconds, connections, loadStart, monthly });
  return result;
}

function print(
  result: ApiBenchResult,
  context: {
    compareSeconds: number;
    warmUpSeconds: number;
    connections: number;
    loadStart: number;
    monthly: string | undefined;
  },
): void {
  console.log(
    `api benchmark — autocannon (a child process) on loopback, ${context.connections} keep-alive connections, pipelining 1, ${context.compareSeconds} s per target after a ${context.warmUpSeconds} s warm-up (latency in whole ms)`,
  );
  console.log(
    `  node ${process.version}, ${availableParallelism()} CPUs, 1-min load average ${context.loadStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end; client and servers share the CPUs. CPU µs/req: this process's CPU time (servers and worker threads, not the client) per answer`,
  );
  console.log(
    `  baseline (fair): bare Fastify POST /replay — the same ${int.format(result.bodyBytes)}-byte JSON body parsed by Fastify, the same ${int.format(result.responseBytes)}-byte estimate object serialized (JSON.stringify) per request; measured in ${RATIO_PAIRS} pairs of ${context.compareSeconds / 2} s segments alternating with linkplan default's (ABBA order), after a ${context.warmUpSeconds} s warm-up of each`,
  );
  console.log(
    `  linkplan (the built server, dist/): POST /v1/estimate of examples/endpoints-module.yaml as JSON${context.monthly ? ` (${context.monthly} USD/month)` : ""}; default = workers ${SERVER_DEFAULTS.workers}, bodies under ${int.format(SERVER_DEFAULTS.inlineBelow)} chars inline (this one), work timeout ${int.format(SERVER_DEFAULTS.workTimeout)} ms`,
  );
  console.log();
  const row = (run: LoadRun) => [
    run.target,
    int.format(Math.round(run.reqPerSec)),
    result.replayReqPerSec > 0
      ? `${((100 * run.reqPerSec) / result.replayReqPerSec).toFixed(1)}%`
      : "",
    ms(run.p50Ms),
    ms(run.p99Ms),
    int.format(Math.round(run.cpuUsPerRequest)),
    int.format(run.requests),
    int.format(run.errors + run.non2xx),
  ];
  console.log(
    table([
      [
        "target",
        "req/s",
        "÷ replay",
        "p50 ms",
        "p99 ms",
        "CPU µs/req",
        "requests",
        "errors+non-2xx",
      ],
      ...result.runs.map(row),
    ]),
  );
  console.log();
  console.log(
    table([
      ["check", "value", "target", ""],
      [
        "req/s linkplan default ÷ replay",
        `${(result.ratio * 100).toFixed(1)}% (median of the pairs: ${result.pairRatios.map((r) => (r * 100).toFixed(1)).join(", ")})`,
        `≥ ${API_TARGETS.ratioToReplay * 100}%`,
        verdict(result.pass.ratio),
      ],
    ]),
  );
  const { load, rss } = result;
  console.log();
  console.log(
    `load runs — ${load.seconds} s of POST /v1/estimate each (default app), in ${load.segments} alternating segments without and with one hostile request a second, in turn, from a child process: ${hostileRequests()
      .map((h) => h.label)
      .join("; ")}. p99: median of the segments' p99 (all of them in brackets)`,
  );
  const statuses = Object.entries(load.outcome.statuses)
    .map(([status, count]) => `${count} × ${status}`)
    .join(", ");
  console.log(
    table([
      ["measure", "normal only", "with hostile", "target", ""],
      [
        "req/s",
        int.format(Math.round(load.quiet.reqPerSec)),
        int.format(Math.round(load.hostile.reqPerSec)),
        "",
        "",
      ],
      ["p50 ms", ms(load.quiet.p50Ms), ms(load.hostile.p50Ms), "", ""],
      [
        "p99 ms",
        `${ms(load.quiet.p99Ms)} [${load.quiet.p99sMs.join(", ")}]`,
        `${ms(load.hostile.p99Ms)} [${load.hostile.p99sMs.join(", ")}]`,
        `≤ ${API_TARGETS.hostileP99Factor}× normal`,
        verdict(result.pass.hostile),
      ],
      [
        "errors + non-2xx",
        int.format(load.quiet.errors + load.quiet.non2xx),
        int.format(load.hostile.errors + load.hostile.non2xx),
        "0",
        verdict(
          load.quiet.errors + load.quiet.non2xx + load.hostile.errors + load.hostile.non2xx === 0,
        ),
      ],
      [
        "hostile requests",
        "",
        `${load.outcome.sent}: ${statuses}`,
        "no error",
        verdict(load.outcome.statuses.error === undefined),
      ],
      ["slowest hostile answer ms", "", int.format(Math.round(load.outcome.maxMs)), "", ""],
      [
        "RSS before / after 1st normal segment / peak MiB",
        "",
        `${rss.beforeMiB.toFixed(0)} / ${rss.afterMiB.toFixed(0)} / ${rss.peakMiB.toFixed(0)}`,
        `growth < ${API_TARGETS.rssGrowthMiB}`,
        verdict(rss.afterMiB - rss.beforeMiB < API_TARGETS.rssGrowthMiB),
      ],
    ]),
  );
}
