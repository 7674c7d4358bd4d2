/// <reference lib="webworker" />
/**
 * A worker thread for the work on large texts that must not hold up the page: placing
 * problems and findings in the text (100 KB of YAML takes 50–200 ms to read), and reading a
 * large document into JSON before it is sent (the server reads JSON about 100 times faster
 * than YAML, and the page sends a document to two or three routes). The reading of the
 * last text placed is kept, so its problems and findings cost one read; so is the last
 * document read into JSON, so typing into one of its values is not a read of the whole
 * text (see editDocument).
 */

import type { EditableDocument } from "../../src/document/editableDocument.js";
import { pathLocator } from "../../src/document/locatePath.js";
import { editedData } from "./documentData.js";
import { type Locator, locateProblems, type PathItem } from "./problemPositions.js";

export type WorkerRequest =
  | { id: number; kind: "place"; text: string; items: PathItem[]; prefix: string }
  | { id: number; kind: "json"; text: string };

export type WorkerAnswer =
  | {
      id: number;
      kind: "place";
      /** the items placed (those under the prefix): their index in the request and where */
      placed: { index: number; line: number; column: number; approximate: boolean }[];
    }
  | {
      id: number;
      kind: "json";
      /** the document as JSON text; null when JSON cannot say it the same (.inf, .nan) */
      json: string | null;
      errors: { path: string; message: string }[] | null;
    };

let last: { text: string; locator: Locator } | null = null;

function locatorOf(text: string): Locator {
  if (last?.text !== text) last = { text, locator: pathLocator(text) };
  return last.locator;
}

/** JSON of the data, or null when a number has no JSON form (Infinity, NaN). */
function exactJson(data: unknown): string | null {
  let exact = true;
  const json = JSON.stringify(data, (_key, value: unknown) => {
    if (typeof value === "number" && !Number.isFinite(value)) exact = false;
    return value;
  });
  return exact ? json : null;
}

/** The last document read into JSON: the next one is an edit of it, most often. */
let lastRead: EditableDocument | null = null;

function answer(request: WorkerRequest): WorkerAnswer {
  if (request.kind === "json") {
    const { parsed, document } = editedData(lastRead, request.text, "input");
    lastRead = document;
    return parsed.ok
      ? { id: request.id, kind: "json", json: exactJson(parsed.data), errors: null }
      : { id: request.id, kind: "json", json: null, errors: parsed.errors };
  }
  const { id, text, items, prefix } = request;
  const indexed = items.map((item, index) => ({ ...item, index }));
  return {
    id,
    kind: "place",
    placed: locateProblems(text, indexed, prefix, () => locatorOf(text)).map((p) => ({
      index: p.item.index,
      line: p.line,
      column: p.column,
      approximate: p.approximate,
    })),
  };
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  scope.postMessage(answer(event.data));
};
