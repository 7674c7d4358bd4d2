import { strFromU8, strToU8, Unzlib, zlibSync } from "fflate";

/**
 * The playground's view as a URL fragment, like the Mermaid Live Editor's `#pako:…`: the
 * state as JSON, zlib-compressed (deflate with the zlib wrapper, as pako writes it),
 * base64url-encoded. The fragment never reaches a server: a shared link carries the
 * document to whoever opens it, and only that browser sends it to its own linkplan.
 */
export const SHARE_PREFIX = "pako:";

/** The largest state a fragment may expand to (a zip bomb in a link stops here). */
export const MAX_SHARED_CHARS = 8 * 1024 * 1024;

export const PANES = ["cost", "diagram", "findings", "compare", "whatif", "breakeven"] as const;
export type PaneName = (typeof PANES)[number];

/** What a link reproduces: the document, the pane and how things are shown. */
export interface ShareState {
  /** the topology (YAML or JSON text) */
  doc: string;
  pane?: PaneName;
  /** the two documents of the Compare pane */
  compare?: { a: string; b: string };
  view?: ViewSettings;
}

export interface ViewSettings {
  detail?: "accounts" | "vpcs" | "azs" | "subnets";
  costs?: boolean;
  diagramTheme?: "light" | "dark";
  amounts?: "monthly" | "hourly";
  hoursPerMonth?: number;
  groupBy?: "lines" | "byAccount" | "byVpc" | "byRegion" | "byAz" | "byKind";
}

const DETAILS = ["accounts", "vpcs", "azs", "subnets"];
const GROUPS = ["lines", "byAccount", "byVpc", "byRegion", "byAz", "byKind"];

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replace(/-/g, "+").replace(/_/g, "/");
  let binary: string;
  try {
    binary = atob(padded + "=".repeat((4 - (padded.length % 4)) % 4));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Inflate, refusing more than MAX_SHARED_CHARS bytes of output; null when it is not zlib. */
function inflate(bytes: Uint8Array): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const stream = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > MAX_SHARED_CHARS) tooLarge = true;
    else chunks.push(chunk);
  });
  try {
    stream.push(bytes, true);
  } catch {
    return null;
  }
  if (tooLarge) return null;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The fragment (without "#") for a state: "pako:" and the compressed JSON. */
export function encodeShare(state: ShareState): string {
  const json = JSON.stringify(state);
  return SHARE_PREFIX + toBase64Url(zlibSync(strToU8(json), { level: 9 }));
}

function viewOf(value: unknown): ViewSettings | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const view: ViewSettings = {};
  if (typeof v.detail === "string" && DETAILS.includes(v.detail))
    view.detail = v.detail as ViewSettings["detail"];
  if (typeof v.costs === "boolean") view.costs = v.costs;
  if (v.diagramTheme === "light" || v.diagramTheme === "dark") view.diagramTheme = v.diagramTheme;
  if (v.amounts === "monthly" || v.amounts === "hourly") view.amounts = v.amounts;
  if (typeof v.hoursPerMonth === "number" && v.hoursPerMonth > 0 && v.hoursPerMonth <= 744)
    view.hoursPerMonth = v.hoursPerMonth;
  if (typeof v.groupBy === "string" && GROUPS.includes(v.groupBy))
    view.groupBy = v.groupBy as ViewSettings["groupBy"];
  return view;
}

/**
 * The state a fragment holds ("#pako:…" or "pako:…"), or null when the fragment is not
 * one (empty, another prefix, damaged, too large once expanded). Members of the wrong
 * type are dropped; only `doc` is required.
 */
export function decodeShare(fragment: string): ShareState | null {
  const hash = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const bytes = fromBase64Url(hash.slice(SHARE_PREFIX.length));
  if (bytes === null || bytes.length === 0) return null;
  const json = inflate(bytes);
  if (json === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(strFromU8(json));
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const d = data as Record<string, unknown>;
  if (typeof d.doc !== "string") return null;
  const state: ShareState = { doc: d.doc };
  if (typeof d.pane === "string" && (PANES as readonly string[]).includes(d.pane))
    state.pane = d.pane as PaneName;
  const compare = d.compare as Record<string, unknown> | undefined;
  if (compare && typeof compare.a === "string" && typeof compare.b === "string")
    state.compare = { a: compare.a, b: compare.b };
  const view = viewOf(d.view);
  if (view && Object.keys(view).length > 0) state.view = view;
  return state;
}
