import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/api/buildApp.js";
import { PROBLEM_TYPE } from "./helpers/apiKit.js";
import { type ServeProcess, spawnServe, stopServe } from "./helpers/apiServe.js";
import { exampleYaml } from "./helpers/examples.js";

describe("the app listening on a real socket", () => {
  let app: FastifyInstance;
  let origin: string;
  beforeAll(async () => {
    app = await buildApp();
    origin = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app.close();
  });

  it("listens on 127.0.0.1 and a free port", () => {
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(new URL(origin).port)).toBeGreaterThan(0);
  });

  it("estimates an example sent as YAML", async () => {
    const res = await fetch(`${origin}/v1/estimate`, {
      method: "POST",
      headers: { "content-type": "application/yaml" },
      body: exampleYaml("endpoints-module"),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = (await res.json()) as { totals: unknown; lines: unknown[] };
    expect(body.totals).toEqual({ hourly: "0.39", monthly: "284.70" });
    expect(body.lines).toHaveLength(41);
  });

  it("draws an example as SVG", async () => {
    const res = await fetch(`${origin}/v1/diagram?format=svg`, {
      method: "POST",
      headers: { "content-type": "application/yaml" },
      body: exampleYaml("consumer-provider"),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect((await res.text()).startsWith("<svg")).toBe(true);
  });

  it("answers an invalid topology with a 422 problem", async () => {
    const res = await fetch(`${origin}/v1/validate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "x", accounts: [] }),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(await res.json()).toEqual({
      type: `${PROBLEM_TYPE}invalid-topology`,
      title: "Invalid topology",
      status: 422,
      detail: "invalid topology (1 problem)",
      code: "invalid_topology",
      errors: [{ path: "accounts", message: "must have at least 1 item" }],
    });
  });

  it("answers malformed JSON with a 400 problem, and 405 with Allow", async () => {
    const bad = await fetch(`${origin}/v1/estimate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe("malformed_body");
    const wrong = await fetch(`${origin}/v1/estimate`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    expect(((await wrong.json()) as { code: string }).code).toBe("method_not_allowed");
  });
});

describe("linkplan serve (a child process)", () => {
  let serve: ServeProcess | undefined;
  afterEach(async () => {
    await stopServe(serve);
    serve = undefined;
  });

  it("serves /healthz and closes gracefully on SIGTERM (exit 0)", async () => {
    serve = await spawnServe(["--no-log"]);
    expect(serve.stderr()).toMatch(
      /^linkplan API listening on http:\/\/127\.0\.0\.1:\d+ \(docs: http:\/\/127\.0\.0\.1:\d+\/docs\)\n/,
    );
    const res = await fetch(`${serve.origin}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", catalog: "bundled", pending: 0 });
    const problem = await fetch(`${serve.origin}/nope`);
    expect(problem.status).toBe(404);

    serve.child.kill("SIGTERM");
    const { code, signal } = await serve.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(serve.stderr()).toContain("SIGTERM: closing");
    // --no-log: no request log lines
    expect(serve.stdout()).toBe("");
  }, 30_000);

  it("logs one JSON line per request, with the x-request-id as its reqId", async () => {
    serve = await spawnServe(["--body-limit", "64"]);
    const res = await fetch(`${serve.origin}/v1/validate`, {
      method: "POST",
      headers: { "content-type": "application/yaml", "x-request-id": "trace-4711" },
      body: exampleYaml("dev"),
    });
    // the --body-limit option reaches the app
    expect(res.status).toBe(413);
    expect(((await res.json()) as { code: string }).code).toBe("body_too_large");
    await fetch(`${serve.origin}/healthz`, { headers: { "x-request-id": "trace-4712" } });

    serve.child.kill("SIGTERM");
    expect((await serve.exited).code).toBe(0);
    const lines = serve
      .stdout()
      .split("\n")
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = lines.filter((line) => line.msg === "request");
    expect(requests).toEqual([
      expect.objectContaining({
        reqId: "trace-4711",
        method: "POST",
        route: "/v1/validate",
        status: 413,
      }),
      expect.objectContaining({
        reqId: "trace-4712",
        method: "GET",
        route: "/healthz",
        status: 200,
      }),
    ]);
    for (const line of requests) expect(typeof line.durationMs).toBe("number");
    expect(serve.stdout()).not.toContain("    at ");
  }, 30_000);
});
