/**
 * The page's only way to the server: the linkplan JSON API of the same origin. Every answer
 * is either what was asked for or the API's RFC 9457 problem (a network failure becomes a
 * problem too); an aborted request rejects with the AbortError, which callers ignore.
 */

/** An RFC 9457 problem as linkplan answers it. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** A request body: the document as typed (YAML or JSON), data sent as JSON, or JSON text. */
export type Body = { yaml: string } | { json: unknown } | { jsonText: string };

type Query = Record<string, string | number | boolean | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function init(body: Body | undefined, signal: AbortSignal | undefined): RequestInit {
  if (body === undefined) return { method: "GET", signal: signal ?? null };
  if ("yaml" in body) {
    return {
      method: "POST",
      headers: { "content-type": "application/yaml" },
      body: body.yaml,
      signal: signal ?? null,
    };
  }
  return {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "jsonText" in body ? body.jsonText : JSON.stringify(body.json),
    signal: signal ?? null,
  };
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as Partial<Problem>;
    if (typeof problem.code === "string" && typeof problem.detail === "string") {
      return {
        status: response.status,
        code: problem.code,
        title: problem.title ?? response.statusText,
        detail: problem.detail,
        ...(Array.isArray(problem.errors) ? { errors: problem.errors } : {}),
      };
    }
  } catch {
    // not problem+json: described below
  }
  return {
    status: response.status,
    code: "http_error",
    title: response.statusText || "Error",
    detail: `the server answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ""}`,
  };
}

async function call<T>(
  path: string,
  body: Body | undefined,
  signal: AbortSignal | undefined,
  read: (response: Response) => Promise<T>,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, init(body, signal));
  } catch (error) {
    if (signal?.aborted) throw error;
    return {
      ok: false,
      problem: {
        status: 0,
        code: "network_error",
        title: "No answer",
        detail: `the linkplan server did not answer (${error instanceof Error ? error.message : String(error)}); is it still running?`,
      },
    };
  }
  if (!response.ok) return { ok: false, problem: await problemOf(response) };
  return { ok: true, value: await read(response) };
}

export function getJson<T>(path: string, signal?: AbortSignal): Promise<ApiResult<T>> {
  return call(path, undefined, signal, (r) => r.json() as Promise<T>);
}

export function getText(path: string, signal?: AbortSignal): Promise<ApiResult<string>> {
  return call(path, undefined, signal, (r) => r.text());
}

export function postJson<T>(path: string, body: Body, signal?: AbortSignal): Promise<ApiResult<T>> {
  return call(path, body, signal, (r) => r.json() as Promise<T>);
}

export function postText(
  path: string,
  body: Body,
  signal?: AbortSignal,
): Promise<ApiResult<string>> {
  return call(path, body, signal, (r) => r.text());
}

export function postBlob(path: string, body: Body, signal?: AbortSignal): Promise<ApiResult<Blob>> {
  return call(path, body, signal, (r) => r.blob());
}
