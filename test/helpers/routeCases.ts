import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { expect, it } from "vitest";
import { PROBLEM_TYPE, type ProblemJson, problemOf } from "./apiKit.js";

/**
 * The status and title of each problem code the route tests expect, written out here (not
 * read from the error table they check).
 */
const PROBLEM_CODES = {
  invalid_option: [400, "Invalid option"],
  malformed_body: [400, "Malformed request body"],
  malformed_request: [400, "Malformed request"],
  not_found: [404, "Not found"],
  method_not_allowed: [405, "Method not allowed"],
  body_too_large: [413, "Request body too large"],
  document_too_large: [413, "Document too large"],
  uri_too_long: [414, "URI too long"],
  unsupported_media_type: [415, "Unsupported media type"],
  invalid_topology: [422, "Invalid topology"],
  limit_exceeded: [422, "Limit exceeded"],
  missing_price: [422, "Missing price"],
  nesting_too_deep: [422, "Nesting too deep"],
} as const satisfies Record<string, readonly [number, string]>;
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** The whole problem+json body of a code: type, title, status, detail, code and errors. */
export function problem(
  code: ProblemCode,
  detail: string,
  errors?: { path: string; message: string }[],
): ProblemJson {
  const [status, title] = PROBLEM_CODES[code];
  return {
    type: `${PROBLEM_TYPE}${code.replace(/_/g, "-")}`,
    title,
    status,
    detail,
    code,
    ...(errors ? { errors } : {}),
  };
}

/** 400 invalid_option for one query parameter: "invalid query parameter: <path>: <message>". */
export function invalidQuery(path: string, message: string): ProblemJson {
  return problem("invalid_option", `invalid query parameter: ${path}: ${message}`, [
    { path, message },
  ]);
}

/** One request to the API and what its answer must be. */
export interface RouteCase {
  name: string;
  /** GET unless a payload is sent (then POST) */
  method?: InjectOptions["method"];
  url: string;
  headers?: Record<string, string>;
  payload?: string | Record<string, unknown>;
  /** the answer's status (implied by `problem`) */
  status?: number;
  /** the answer's content type */
  type?: string;
  /** the answer's JSON, exactly */
  json?: unknown;
  /** the answer's text, exactly */
  body?: string;
  /** a problem+json answer (status, content type, no stack): its whole body, or its code */
  problem?: ProblemJson | ProblemCode;
  /** answer headers: their values, undefined for absent */
  answerHeaders?: Record<string, string | undefined>;
  /** more about the answer (the app for follow-up requests) */
  check?: (res: LightMyRequestResponse, app: FastifyInstance) => void | Promise<void>;
}

/** Send a case's request. */
export function send(app: FastifyInstance, c: RouteCase): Promise<LightMyRequestResponse> {
  return app.inject({
    method: c.method ?? (c.payload === undefined ? "GET" : "POST"),
    url: c.url,
    ...(c.headers ? { headers: c.headers } : {}),
    ...(c.payload === undefined ? {} : { payload: c.payload }),
  });
}

/** Assert what a case expects of an answer. */
export async function expectAnswer(
  res: LightMyRequestResponse,
  c: RouteCase,
  app: FastifyInstance,
): Promise<void> {
  const where = `${c.name}: ${res.statusCode} ${res.body.slice(0, 500)}`;
  if (typeof c.problem === "string") {
    expect(problemOf(res, PROBLEM_CODES[c.problem][0]).code, where).toBe(c.problem);
  } else if (c.problem) {
    expect(problemOf(res, c.problem.status), where).toEqual(c.problem);
  }
  if (c.status !== undefined) expect(res.statusCode, where).toBe(c.status);
  if (c.type !== undefined) expect(res.headers["content-type"], where).toBe(c.type);
  if (c.json !== undefined) expect(res.json(), where).toEqual(c.json);
  if (c.body !== undefined) expect(res.body, where).toBe(c.body);
  for (const [name, value] of Object.entries(c.answerHeaders ?? {})) {
    expect(res.headers[name], `${where} (${name})`).toBe(value);
  }
  await c.check?.(res, app);
}

/** One test per case, against the app `app()` returns (built in a beforeAll). */
export function routeCases(app: () => FastifyInstance, cases: readonly RouteCase[]): void {
  for (const c of cases) {
    it(c.name, async () => {
      await expectAnswer(await send(app(), c), c, app());
    });
  }
}
