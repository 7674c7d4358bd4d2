import { readFileSync } from "node:fs";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, expect } from "vitest";
import type { ApiOptions } from "../../src/api/apiOptions.js";
import { buildApp } from "../../src/api/buildApp.js";
import { oneVpc } from "./topologies.js";

/** The text of test/golden/<name>. */
export function goldenText(name: string): string {
  return readFileSync(new URL(`../golden/${name}`, import.meta.url), "utf8");
}

/** Headers for a YAML body. */
export const YAML = { "content-type": "application/yaml" } as const;
/** Headers for a JSON body. */
export const JSON_BODY = { "content-type": "application/json" } as const;

/** The problem types' common prefix. */
export const PROBLEM_TYPE = "https://linkplan.dev/problems/";

export interface ProblemJson {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { path: string; message: string }[];
}

/**
 * Assert a response is a problem+json with this status, that it carries no stack trace, and
 * return the parsed body for an exact comparison.
 */
export function problemOf(response: LightMyRequestResponse, status: number): ProblemJson {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
  expect(response.body).not.toContain("    at ");
  return JSON.parse(response.body) as ProblemJson;
}

/** A request of the fuzz tests: a POST and what it is, for failure messages. */
export interface LabelledRequest {
  url: string;
  headers: Record<string, string>;
  payload: string | Buffer;
  label: string;
}

/** POST a fuzz request and check the answer is fit for a client (checkClientAnswer). */
export async function injectChecked(
  app: FastifyInstance,
  request: LabelledRequest,
): Promise<LightMyRequestResponse> {
  const { url, headers, payload } = request;
  const response = await app.inject({ method: "POST", url, headers, payload });
  checkClientAnswer(response, request.label);
  return response;
}

/** What every answer to a client must satisfy (used by the fuzz tests). */
export function checkClientAnswer(
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  label: string,
): void {
  const where = `${label} → ${response.statusCode} ${response.body.slice(0, 300)}`;
  if (response.statusCode >= 500) throw new Error(`5xx for a client's request: ${where}`);
  if (response.body.includes("    at ")) throw new Error(`stack trace in the answer: ${where}`);
  if (response.statusCode < 400) return;
  const type = String(response.headers["content-type"] ?? "");
  if (!type.startsWith("application/problem+json"))
    throw new Error(`error without problem+json (${type}): ${where}`);
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    throw new Error(`problem body is not JSON: ${where}`);
  }
  const p = body as Partial<ProblemJson>;
  const ok =
    typeof p.type === "string" &&
    p.type.startsWith(PROBLEM_TYPE) &&
    typeof p.title === "string" &&
    p.title.length > 0 &&
    p.status === response.statusCode &&
    typeof p.detail === "string" &&
    typeof p.code === "string" &&
    (p.errors === undefined ||
      (Array.isArray(p.errors) &&
        p.errors.every((e) => typeof e.path === "string" && typeof e.message === "string")));
  if (!ok) throw new Error(`malformed problem: ${where}`);
}

/** The JSON content type of the API's answers. */
export const JSON_TYPE = "application/json; charset=utf-8";

/** The bundled catalog as the API describes it. */
export const CATALOG_INFO = { name: "bundled", retrieved: "2026-11-20", currency: "USD" };

/** The regions of the bundled catalog. */
export const CATALOG_REGIONS = [
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "eu-central-1",
  "eu-west-1",
  "eu-west-2",
  "us-east-1",
  "us-east-2",
  "us-west-2",
];

/** A small valid topology: one interface endpoint in one AZ of us-east-1. */
export const ONE_ENDPOINT = oneVpc(
  { endpoints: [{ id: "e", type: "interface", service: "s3" }] },
  "one",
);

/**
 * The work deadline of the test apps, unless a test sets its own: long enough that pooled
 * work (a PNG, in a worker at nice 19) starved by the rest of a parallel test run on two
 * cores still finishes; the default deadline's own behaviour has tests of its own.
 */
export const TEST_WORK_TIMEOUT_MS = 60_000;

/** An app built before the tests of the file (or describe block) and closed after them. */
export function useApp(options?: ApiOptions): () => FastifyInstance {
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    app = await buildApp({ workTimeout: TEST_WORK_TIMEOUT_MS, ...options });
  });
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (!app) throw new Error("the app is built in beforeAll");
    return app;
  };
}
