import type { Body, Problem } from "./apiClient.js";
import { documentData } from "./documentData.js";
import type { WorkerAnswer, WorkerRequest } from "./documentWorker.js";
import { type LocatedItem, locateProblems, type PathItem } from "./problemPositions.js";

/** Documents from this size (characters) are read in the browser and sent as JSON. */
export const JSON_FROM = 16 * 1024;

/**
 * Two worker threads, one per kind of work: reading the document to send it is on the way
 * to every answer and must not wait behind the placing of the last version's findings.
 */
const workers: Partial<Record<WorkerRequest["kind"], Worker | null>> = {};
let nextId = 0;
const waiting = new Map<number, (answer: WorkerAnswer | null) => void>();

function documentWorker(kind: WorkerRequest["kind"]): Worker | null {
  const known = workers[kind];
  if (known !== undefined) return known;
  try {
    const worker = new Worker(new URL("./documentWorker.ts", import.meta.url), {
      type: "module",
    });
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    };
    worker.onerror = () => {
      workers[kind] = null;
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
    };
    workers[kind] = worker;
  } catch {
    workers[kind] = null;
  }
  return workers[kind] ?? null;
}

type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

/** A request to a worker; null when there is no worker (or it failed): do it here. */
function ask(request: WithoutId<WorkerRequest>): Promise<WorkerAnswer | null> {
  const target = documentWorker(request.kind);
  if (!target) return Promise.resolve(null);
  nextId += 1;
  const id = nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    target.postMessage({ ...request, id } as WorkerRequest);
  });
}

/** locateProblems (path → line) in the worker, off the page's thread. */
export async function placeItems<T extends PathItem>(
  text: string,
  items: readonly T[],
  prefix = "",
): Promise<LocatedItem<T>[]> {
  if (items.length === 0) return [];
  const answer = await ask({
    kind: "place",
    text,
    items: items.map(({ path, message, severity }) => ({ path, message, severity })),
    prefix,
  });
  if (answer?.kind !== "place") return locateProblems(text, items, prefix);
  return answer.placed.flatMap((p) => {
    const item = items[p.index];
    return item ? [{ item, line: p.line, column: p.column, approximate: p.approximate }] : [];
  });
}

let lastBody: { text: string; body: Promise<Body | Problem> } | null = null;

/**
 * What to send for a document: small ones as the YAML typed; large ones read in the
 * worker by linkplan's own reader (the same limits and syntax errors as the server's)
 * and sent as JSON, once for every route that gets it. A syntax error comes back as the
 * problem the server would have answered.
 */
export function documentBody(text: string): Promise<Body | Problem> {
  if (text.length < JSON_FROM) return Promise.resolve({ yaml: text });
  if (lastBody?.text === text) return lastBody.body;
  const body = ask({ kind: "json", text }).then((answer): Body | Problem => {
    if (answer?.kind === "json") {
      if (answer.errors) return syntaxProblem(answer.errors);
      return answer.json === null ? { yaml: text } : { jsonText: answer.json };
    }
    const parsed = documentData(text, "input");
    if (!parsed.ok) return syntaxProblem(parsed.errors);
    return { yaml: text };
  });
  lastBody = { text, body };
  return body;
}

function syntaxProblem(errors: { path: string; message: string }[]): Problem {
  return {
    status: 400,
    code: "malformed_body",
    title: "Malformed document",
    detail: "the document cannot be read",
    errors,
  };
}

export function isProblem(value: Body | Problem): value is Problem {
  return "code" in value && "status" in value;
}
