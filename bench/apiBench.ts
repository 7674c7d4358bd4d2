import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { availableParallelism, loadavg } from "node:os";
import Fastify, { type FastifyInstance } from "fastify";
import { parse as parseYaml } from "yaml";
import { buildApp } from "../src/api/buildApp.js";
import { int, ms, table, verdict } from "./measure.js";

/** Targets from the issue. */
export const API_TARGETS = {
  /** linkplan POST /v1/estimate req/s ÷ bare Fastify req/s */
  ratioToHello: 0.5,
  /** RSS growth over the load run, MiB */
  rssGrowthMiB: 50,
} as const;

export const API_DEFAULTS = {
  /** seconds of the load run (LINKPLAN_BENCH_API_LOAD_SECONDS overrides it) */
  loadSeconds: 60,
  /** seconds of each measured comparison run */
  compareSeconds: 10,
  /** seconds of the unmeasured warm-up run before each comparison */
  warmUpSeconds: 3,
  /** concurrent keep-alive connections, pipelining 1 */
  connections: 10,
  /** autocannon worker threads: 1 = the client gets its own thread (and core), 0 = it shares the server's event loop */
  clientWorkers: 1,
} as const;

export interface ApiBenchOptions {
  loadSeconds?: number;
  compareSeconds?: number;
  warmUpSeconds?: number;
  connections?: number;
  clientWorkers?: 0 | 1;
}

/** The part of autocannon's result this benchmark reads. */
interface AutocannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  duration: number;
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number; sent: number };
  statusCodeStats: Record<string, { count: number }>;
}

interface AutocannonOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  connections?: number;
  pipelining?: number;
  duration?: number;
  workers?: number;
}

type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

// autocannon is CommonJS without type declarations: load it through require and type
// the few options and result fields used here
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export interface ApiRunResult {
  target: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface ApiBenchResult {
  connections: number;
  clientWorkers: number;
  bodyBytes: number;
  hello: ApiRunResult;
  /** bare Fastify, same request and response bytes as linkplan, no work: the payload floor */
  replay: ApiRunResult;
  estimate: ApiRunResult;
  /** response bytes of POST /v1/estimate */
  responseBytes: number;
  /** estimate req/s ÷ hello req/s */
  ratio: number;
  load: {
    seconds: number;
    run: ApiRunResult;
    gcExposed: boolean;
    rssBeforeMiB: number;
    rssAfterMiB: number;
    rssPeakMiB: number;
    heapBeforeMiB: number;
    heapAfterMiB: number;
    pass: boolean;
  };
  pass: { ratio: boolean; load: boolean };
}

const MiB = 1024 * 1024;
const EXAMPLE = new URL("../examples/endpoints-module.yaml", import.meta.url);

/** A small JSON in, a small JSON out: the baseline does the same HTTP and JSON work minus linkplan. */
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

function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  gc();
  return true;
}

const memory = () => {
  const usage = process.memoryUsage();
  return { rssMiB: usage.rss / MiB, heapMiB: usage.heapUsed / MiB };
};

function summarise(target: string, result: AutocannonResult): ApiRunResult {
  return {
    target,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * POST /v1/estimate of examples/endpoints-module.yaml (sent as JSON) against a bare
 * Fastify POST route started in the same run, both on loopback, then a long load run
 * against linkplan watching errors and RSS.
 */
export async function runApiBench(options: ApiBenchOptions = {}): Promise<ApiBenchResult> {
  const loadSeconds = options.loadSeconds ?? loadSecondsFromEnv() ?? API_DEFAULTS.loadSeconds;
  const compareSeconds = options.compareSeconds ?? API_DEFAULTS.compareSeconds;
  const warmUpSeconds = options.warmUpSeconds ?? API_DEFAULTS.warmUpSeconds;
  const connections = options.connections ?? API_DEFAULTS.connections;
  const clientWorkers = options.clientWorkers ?? API_DEFAULTS.clientWorkers;
  const loadStart = loadavg()[0] ?? 0;

  const estimateBody = JSON.stringify(parseYaml(readFileSync(EXAMPLE, "utf8")));

  // the baseline server also has /replay: it takes the estimate's request body and answers
  // the estimate's response, serialised by Fastify's default JSON.stringify, with no other work
  let replayAnswer: unknown = {};
  const hello = Fastify({ logger: false });
  hello.post("/echo", async () => ({ hello: "world" }));
  hello.post("/replay", async () => replayAnswer);
  const linkplan = await buildApp({ logger: false });

  try {
    const helloUrl = await listen(hello);
    const linkplanUrl = await listen(linkplan);

    // one checked request first, so the load below measures answers, not errors
    const check = await fetch(`${linkplanUrl}/v1/estimate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: estimateBody,
    });
    const answer = await check.text();
    if (check.status !== 200)
      throw new Error(`POST /v1/estimate answered ${check.status}: ${answer}`);
    const checked = JSON.parse(answer) as { totals?: { monthly?: string } };
    replayAnswer = checked;

    const fire = (url: string, body: string, duration: number) =>
      autocannon({
        url,
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        connections,
        pipelining: 1,
        duration,
        ...(clientWorkers > 0 ? { workers: clientWorkers } : {}),
      });

    const targets = [
      { name: "fastify POST /echo", url: `${helloUrl}/echo`, body: HELLO_BODY },
      { name: "fastify POST /replay", url: `${helloUrl}/replay`, body: estimateBody },
      { name: "linkplan POST /v1/estimate", url: `${linkplanUrl}/v1/estimate`, body: estimateBody },
    ] as const;
    const estimateTarget = targets[2];
    const runs: ApiRunResult[] = [];
    for (const target of targets) {
      if (warmUpSeconds > 0) await fire(target.url, target.body, warmUpSeconds);
      runs.push(summarise(target.name, await fire(target.url, target.body, compareSeconds)));
    }
    const [helloRun, replayRun, estimateRun] = runs as [ApiRunResult, ApiRunResult, ApiRunResult];
    const ratio = helloRun.reqPerSec > 0 ? estimateRun.reqPerSec / helloRun.reqPerSec : 0;

    // load run: RSS after a full GC (when exposed) before and after, peak sampled every second
    const gcExposed = collectGarbage();
    const before = memory();
    let rssPeakMiB = before.rssMiB;
    const sampler = setInterval(() => {
      rssPeakMiB = Math.max(rssPeakMiB, memory().rssMiB);
    }, 1000);
    let loadResult: AutocannonResult;
    try {
      loadResult = await fire(estimateTarget.url, estimateTarget.body, loadSeconds);
    } finally {
      clearInterval(sampler);
    }
    collectGarbage();
    const after = memory();
    rssPeakMiB = Math.max(rssPeakMiB, after.rssMiB);
    const loadRun = summarise(estimateTarget.name, loadResult);
    const rssGrowth = after.rssMiB - before.rssMiB;
    const loadPass =
      loadRun.errors === 0 && loadRun.non2xx === 0 && rssGrowth < API_TARGETS.rssGrowthMiB;

    const result: ApiBenchResult = {
      connections,
      clientWorkers,
      bodyBytes: Buffer.byteLength(estimateBody),
      hello: helloRun,
      replay: replayRun,
      estimate: estimateRun,
      responseBytes: Buffer.byteLength(answer),
      ratio,
      load: {
        seconds: loadSeconds,
        run: loadRun,
        gcExposed,
        rssBeforeMiB: before.rssMiB,
        rssAfterMiB: after.rssMiB,
        rssPeakMiB,
        heapBeforeMiB: before.heapMiB,
        heapAfterMiB: after.heapMiB,
        pass: loadPass,
      },
      pass: { ratio: ratio >= API_TARGETS.ratioToHello, load: loadPass },
    };
    print(result, {
      compareSeconds,
      warmUpSeconds,
      loadStart,
      monthly: checked.totals?.monthly,
    });
    return result;
  } finally {
    await Promise.allSettled([hello.close(), linkplan.close()]);
  }
}

function print(
  result: ApiBenchResult,
  context: {
    compareSeconds: number;
    warmUpSeconds: number;
    loadStart: number;
    monthly: string | undefined;
  },
): void {
  const { load } = result;
  const client =
    result.clientWorkers > 0
      ? `autocannon in ${result.clientWorkers} worker thread of the same Node process as both servers`
      : "autocannon on the same event loop as both servers";
  console.log(
    `api benchmark — autocannon on loopback, ${result.connections} keep-alive connections, pipelining 1, ${context.compareSeconds} s per target after a ${context.warmUpSeconds} s warm-up (latency in whole ms)`,
  );
  console.log(
    `  node ${process.version}, ${availableParallelism()} CPUs, 1-min load average ${context.loadStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end; ${client}: client and servers share the CPUs, so absolute req/s understate a dedicated server`,
  );
  console.log(
    `  baseline: bare Fastify (defaults, logger off) POST /echo, ${Buffer.byteLength(HELLO_BODY)}-byte JSON body in, {"hello":"world"} out`,
  );
  console.log(
    `  payload floor (information only): bare Fastify POST /replay, the same ${int.format(result.bodyBytes)}-byte JSON body in and the same ${int.format(result.responseBytes)}-byte estimate out, no other work`,
  );
  console.log(
    `  linkplan: buildApp({ logger: false }) POST /v1/estimate of examples/endpoints-module.yaml as JSON (${int.format(result.bodyBytes)} bytes, content-type application/json)${context.monthly ? `, total ${context.monthly} USD/month` : ""}`,
  );
  console.log();
  const row = (run: ApiRunResult) => [
    run.target,
    int.format(Math.round(run.reqPerSec)),
    ms(run.p50Ms),
    ms(run.p99Ms),
    int.format(run.requests),
    int.format(run.errors),
    int.format(run.non2xx),
  ];
  console.log(
    table([
      ["target", "req/s", "p50 ms", "p99 ms", "requests", "errors", "non-2xx"],
      row(result.hello),
      row(result.replay),
      row(result.estimate),
    ]),
  );
  console.log();
  console.log(
    table([
      ["check", "value", "target", ""],
      [
        "req/s linkplan ÷ hello",
        `${(result.ratio * 100).toFixed(1)}%`,
        `≥ ${API_TARGETS.ratioToHello * 100}%`,
        verdict(result.pass.ratio),
      ],
      [
        "req/s linkplan ÷ replay",
        `${(result.replay.reqPerSec > 0 ? (100 * result.estimate.reqPerSec) / result.replay.reqPerSec : 0).toFixed(1)}%`,
        "",
        "",
      ],
    ]),
  );
  console.log();
  const rssGrowth = load.rssAfterMiB - load.rssBeforeMiB;
  console.log(
    `load run — ${load.seconds} s of POST /v1/estimate, ${result.connections} connections (${load.gcExposed ? "RSS after global.gc()" : "global.gc not exposed: RSS measured without a forced GC; NODE_OPTIONS=--expose-gc forces one"})`,
  );
  const mib = (value: number) => value.toFixed(1);
  console.log(
    table([
      ["measure", "value", "target", ""],
      ["requests", int.format(load.run.requests), "", ""],
      ["req/s", int.format(Math.round(load.run.reqPerSec)), "", ""],
      ["p99 ms", ms(load.run.p99Ms), "", ""],
      ["errors", int.format(load.run.errors), "0", verdict(load.run.errors === 0)],
      ["non-2xx", int.format(load.run.non2xx), "0", verdict(load.run.non2xx === 0)],
      ["RSS before MiB", mib(load.rssBeforeMiB), "", ""],
      ["RSS after MiB", mib(load.rssAfterMiB), "", ""],
      ["RSS peak MiB", mib(load.rssPeakMiB), "", ""],
      [
        "RSS growth MiB",
        `${rssGrowth >= 0 ? "+" : ""}${mib(rssGrowth)}`,
        `< ${API_TARGETS.rssGrowthMiB}`,
        verdict(rssGrowth < API_TARGETS.rssGrowthMiB),
      ],
      [
        "heap used before/after MiB",
        `${mib(load.heapBeforeMiB)} / ${mib(load.heapAfterMiB)}`,
        "",
        "",
      ],
      ["load run", "", "", verdict(load.pass)],
    ]),
  );
}
