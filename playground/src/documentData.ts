import { LinkplanError } from "../../src/core/linkplanError.js";
import {
  type EditableDocument,
  editableDocument,
  editDocument,
} from "../../src/document/editableDocument.js";
import { parseDocument } from "../../src/document/parseDocument.js";

export type Parsed =
  | { ok: true; data: unknown }
  | { ok: false; errors: { path: string; message: string }[] };

/**
 * A YAML or JSON text as data, read in the browser by linkplan's own bounded reader (to
 * nest two documents in one JSON body: compare, what-if). A syntax error comes back with
 * the reader's `source:line:column` paths, `source` being the name given.
 */
export function documentData(text: string, source: string): Parsed {
  try {
    return { ok: true, data: parseDocument(text, source) };
  } catch (error) {
    return failed(error, source);
  }
}

/**
 * documentData, from the last document read when the text differs from it only inside one
 * plain value (typing a number: no YAML read of the whole text, see editDocument). Returns
 * the document to pass next time (null after a syntax error).
 */
export function editedData(
  last: EditableDocument | null,
  text: string,
  source: string,
): { parsed: Parsed; document: EditableDocument | null } {
  const edited = last && editDocument(last, text, source);
  if (edited) return { parsed: { ok: true, data: edited.data }, document: edited };
  try {
    const document = editableDocument(text, source);
    return { parsed: { ok: true, data: document.data }, document };
  } catch (error) {
    return { parsed: failed(error, source), document: null };
  }
}

function failed(error: unknown, source: string): Parsed {
  if (error instanceof LinkplanError) {
    return {
      ok: false,
      errors:
        error.problems.length > 0 ? error.problems : [{ path: source, message: error.summary }],
    };
  }
  return { ok: false, errors: [{ path: source, message: String(error) }] };
}

/** The ids of a topology's VPCs, in document order (for the what-if choices). */
export function vpcIds(data: unknown): string[] {
  const ids: string[] = [];
  const accounts = (data as { accounts?: unknown })?.accounts;
  if (!Array.isArray(accounts)) return ids;
  for (const account of accounts) {
    const vpcs = (account as { vpcs?: unknown })?.vpcs;
    if (!Array.isArray(vpcs)) continue;
    for (const vpc of vpcs) {
      const id = (vpc as { id?: unknown })?.id;
      if (typeof id === "string" && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

/** The region of the first VPC and its AZ count (defaults for break-even), if any. */
export function firstVpc(data: unknown): { region: string; azs: number } | null {
  const accounts = (data as { accounts?: unknown })?.accounts;
  if (!Array.isArray(accounts)) return null;
  for (const account of accounts) {
    const vpcs = (account as { vpcs?: unknown })?.vpcs;
    if (!Array.isArray(vpcs)) continue;
    for (const vpc of vpcs) {
      const { region, azs } = (vpc ?? {}) as { region?: unknown; azs?: unknown };
      if (typeof region === "string")
        return { region, azs: Array.isArray(azs) && azs.length > 0 ? azs.length : 3 };
    }
  }
  return null;
}
