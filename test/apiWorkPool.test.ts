import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { buildApp } from "../src/api/buildApp.js";
import { JSON_BODY, problemOf, YAML } from "./helpers/apiKit.js";
import { organisationJson } from "./helpers/apiLoad.js";
import { type ServeProcess, spawnServe, stopServe } from "./helpers/apiServe.js";
import { exampleYaml } from "./helpers/examples.js";

/**
 * The worker pool: heavy work leaves the event loop free, a deadline stops it (503
 * work_timeout) and SIGTERM drains what is queued. Real servers and child processes: these
 * tests are about sockets and threads, not about answers (see apiTopologyRoutes.test.ts and
 * the other API route tests for those).
 */

describe("the event loop stays free while a maximal diagram is drawn", () => {
  let app: FastifyInstance;
  let origin: string;
  beforeAll(async () => {
    app = await buildApp({ workTimeout: 4_000 });
    origin = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app.close();
  });

  it("answers /healthz within 200 ms each time while the diagram runs", async () => {
    // 430 VPCs with workloads and endpoint services at detail vpcs with costs: just under the diagram
    // limits (10,000 nodes and groups, 8,000,000 canvas cells, 4,000,000 edge cells) in the plain
    // layout ASCII uses (the SVG icon layout is taller and would be refused), so it is drawn
    const body = organisationJson(430);
    expect(body.length).toBeLessThan(1024 * 1024);
    let done = false;
    const diagram = fetch(`${origin}/v1/diagram?format=ascii&detail=vpcs&costs=true`, {
      method: "POST",
      headers: JSON_BODY,
      body,
    }).then(async (res) => {
      const text = await res.text();
      done = true;
      return { status: res.status, text };
    });
    const latencies: number[] = [];
    while (!done) {
      const start = performance.now();
      const res = await fetch(`${origin}/healthz`);
      await res.text();
      if (!done) latencies.push(performance.now() - start);
      expect(res.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const answer = await diagram;
    // drawn, or stopped at the deadline: either way an answer, and the health checks went on
    expect([200, 503]).toContain(answer.status);
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(200);
  }, 30_000);
});

describe("a request past its deadline", () => {
  // the deadline covers the worker's start too: from TypeScript source (tsx) that is ~2 s of
  // module loading, more beside another CPU-heavy test file; the heavy diagram takes ~10 s
  const DEADLINE_MS = 6_000;
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({
      workers: 1,
      inlineBelow: 0,
      workTimeout: DEADLINE_MS,
      bodyLimit: 8 * 1024 * 1024,
      maxVpcs: 10_000,
      maxEndpoints: 200_000,
      // no diagram limits: the drawing must run long enough to meet the deadline
      maxDiagramNodes: Number.MAX_SAFE_INTEGER,
      maxDiagramCanvasCells: Number.MAX_SAFE_INTEGER,
      maxDiagramEdgeCells: Number.MAX_SAFE_INTEGER,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  it("answers 503 work_timeout, and the next request is answered by a new worker", async () => {
    // start the worker (its first request loads the library; on a busy machine that load
    // alone can pass the deadline, and the recycled worker starts again: ask once more)
    const validate = () =>
      app.inject({
        method: "POST",
        url: "/v1/validate",
        headers: YAML,
        payload: exampleYaml("dev"),
      });
    let warm = await validate();
    for (let i = 0; i < 2 && warm.statusCode === 503; i++) warm = await validate();
    expect(warm.statusCode).toBe(200);
    // 1,500 VPCs as YAML (4.2 MB) to the diagram: many seconds of parsing, checking and layout
    const heavy = toYaml(JSON.parse(organisationJson(1_500)));
    const started = performance.now();
    const res = await app.inject({
      method: "POST",
      url: "/v1/diagram?format=svg&detail=azs",
      headers: YAML,
      payload: heavy,
    });
    const elapsed = performance.now() - started;
    expect(problemOf(res, 503)).toMatchObject({
      code: "work_timeout",
      title: "Work took too long",
      detail: `the request needed more than ${DEADLINE_MS} ms of work; it was stopped`,
    });
    expect(elapsed).toBeLessThan(2 * DEADLINE_MS);
    // the replacement worker loads the library first; on a loaded machine that start-up
    // alone can pass the deadline, so the first answer may be one more work_timeout
    let next = await app.inject({
      method: "POST",
      url: "/v1/estimate",
      headers: YAML,
      payload: exampleYaml("endpoints-module"),
    });
    for (let retry = 0; retry < 2 && next.statusCode === 503; retry++) {
      next = await app.inject({
        method: "POST",
        url: "/v1/estimate",
        headers: YAML,
        payload: exampleYaml("endpoints-module"),
      });
    }
    expect(next.statusCode).toBe(200);
    expect(JSON.parse(next.body).totals.monthly).toBe("284.70");
  }, 60_000);
});

/** A serve process with one worker thread that pools every request, and `flags`. */
function spawnOneWorker(...flags: string[]): Promise<ServeProcess> {
  return spawnServe(["--no-log", "--workers", "1", "--inline-below", "0", ...flags]);
}

/** 50 concurrent requests to a serve process; SIGTERM once the server has them all. */
async function sigtermDuring50(serve: ServeProcess) {
  const body = organisationJson(10);
  let killedAt = Number.POSITIVE_INFINITY;
  const answers = Array.from({ length: 50 }, () =>
    fetch(`${serve.origin}/v1/diagram?format=ascii&detail=azs`, {
      method: "POST",
      headers: JSON_BODY,
      body,
    }).then(
      async (res) => ({
        status: res.status,
        type: res.headers.get("content-type"),
        text: await res.text(),
        afterKill: performance.now() > killedAt,
      }),
      (error: Error & { cause?: { code?: string } }) => ({
        error: error.cause?.code ?? error.message,
      }),
    ),
  );
  // SIGTERM once all 50 are in the pool (a connection not yet accepted would be refused)
  for (let waited = 0; waited < 20_000; waited += 50) {
    const health = await fetch(`${serve.origin}/healthz`).then((r) => r.json());
    if ((health as { pending: number }).pending >= 50) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  killedAt = performance.now();
  serve.child.kill("SIGTERM");
  const results = await Promise.all(answers);
  return { results, exit: await serve.exited };
}

describe("linkplan serve drains on SIGTERM", () => {
  let serve: ServeProcess | undefined;
  afterEach(async () => {
    await stopServe(serve);
    serve = undefined;
  });

  it("answers all 50 queued requests, resets none, and exits 0", async () => {
    // a grace and a deadline long enough for all 50 even on a loaded machine: draining is
    // what is tested
    serve = await spawnOneWorker("--grace", "45000", "--work-timeout", "45000");
    const { results, exit } = await sigtermDuring50(serve);
    expect(results.filter((r) => "error" in r)).toEqual([]);
    // most were still queued when the signal came
    expect(results.filter((r) => "afterKill" in r && r.afterKill).length).toBeGreaterThan(10);
    for (const r of results) {
      if ("error" in r) continue;
      expect(r.status).toBe(200);
      expect(r.type).toBe("text/plain; charset=utf-8");
      expect(r.text.trimEnd().endsWith("┘")).toBe(true);
    }
    expect(exit).toEqual({ code: 0, signal: null });
    expect(serve.stderr()).toContain("SIGTERM: closing");
  }, 60_000);

  it("past the grace period the rest answer 503 shutting_down, still without a reset", async () => {
    serve = await spawnOneWorker("--grace", "300");
    const { results, exit } = await sigtermDuring50(serve);
    expect(results.filter((r) => "error" in r)).toEqual([]);
    const statuses = results.map((r) => ("status" in r ? r.status : 0));
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses).toContain(503);
    for (const r of results) {
      if ("error" in r || r.status !== 503) continue;
      expect(r.type).toBe("application/problem+json; charset=utf-8");
      expect(JSON.parse(r.text)).toMatchObject({ status: 503, code: "shutting_down" });
    }
    expect(exit).toEqual({ code: 0, signal: null });
  }, 60_000);
});
