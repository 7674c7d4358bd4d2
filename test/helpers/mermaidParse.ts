import { JSDOM } from "jsdom";

type Mermaid = typeof import("mermaid")["default"];

/**
 * The loaded mermaid module: loaded once per test worker (test files share a module graph,
 * see vitest.config.ts; tests may keep state, src may not), with the jsdom `window` it
 * needs left in place for the worker's later files.
 */
let loaded: Promise<Mermaid> | null = null;

/**
 * Import mermaid for Node. Its flowchart parser sanitises labels with DOMPurify, which looks
 * for `window` when mermaid is imported; a jsdom window as `globalThis.window` is the only
 * global it needs (no document, DOMParser, navigator, …).
 */
function loadMermaid(): Promise<Mermaid> {
  loaded ??= (async () => {
    const g = globalThis as { window?: unknown };
    g.window ??= new JSDOM("<!DOCTYPE html><body></body>").window;
    const { default: mermaid } = await import("mermaid");
    mermaid.initialize({ startOnLoad: false });
    return mermaid;
  })();
  return loaded;
}

/** Validate Mermaid text with mermaid's own parser; throws on a syntax error. */
export async function parseMermaid(text: string): Promise<void> {
  const mermaid = await loadMermaid();
  await mermaid.parse(text);
}

export interface ParsedVertex {
  id: string;
  /** label with entity codes decoded */
  text: string;
  /** mermaid's shape name (square, hexagon, subroutine, round, cylinder, …) */
  type: string | undefined;
  classes: string[];
}

export interface ParsedEdge {
  start: string;
  end: string;
  text: string;
  stroke: string;
  /** linkStyle declarations applied to the edge */
  style: string[];
}

export interface ParsedSubgraph {
  id: string;
  title: string;
  nodes: string[];
  classes: string[];
}

export interface ParsedFlowchart {
  direction: string;
  /** vertices that are not subgraphs */
  vertices: ParsedVertex[];
  edges: ParsedEdge[];
  subgraphs: ParsedSubgraph[];
  classDefs: Map<string, string[]>;
}

interface FlowDb {
  getDirection(): string;
  getVertices(): Map<
    string,
    { id: string; text?: string; type?: string; classes: string[]; labelType?: string }
  >;
  getEdges(): {
    start: string;
    end: string;
    text: string;
    stroke: string;
    style?: string[];
  }[];
  getSubGraphs(): { id: string; title: string; nodes: string[]; classes: string[] }[];
  getClasses(): Map<string, { styles: string[] }>;
}

const NAMED: Readonly<Record<string, string>> = { quot: '"', amp: "&", lt: "<", gt: ">" };

/**
 * Undo Mermaid's entity pass as the browser would see it: Mermaid turns `#35;` into
 * `ﬂ°°35¶ß` and `#quot;` into `ﬂ°quot¶ß` before parsing and into `&#35;` / `&quot;` after
 * drawing; here they become the characters. Throws on an unknown named entity.
 */
export function decodeMermaidEntities(text: string): string {
  return text
    .replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g, (_, code: string) =>
      String.fromCodePoint(Number(code)),
    )
    .replace(/\uFB02\u00B0(\w+)\u00B6\u00DF/g, (_, name: string) => {
      const ch = NAMED[name];
      if (ch === undefined) throw new Error(`unknown entity #${name};`);
      return ch;
    });
}

/**
 * Parse a flowchart with mermaid and return what its parser understood, labels decoded.
 * Uses `mermaidAPI.getDiagramFromText`, which is what `mermaid.parse` runs after resetting
 * its config (same preprocessing, grammar and flowchart db; throws on the same syntax
 * errors); it is called directly because `parse` does not hand back the db, and parsing
 * twice would double the cost (~50–150 ms per diagram in jsdom, mostly DOMPurify and config
 * merging per label).
 */
export async function parseMermaidFlowchart(text: string): Promise<ParsedFlowchart> {
  const mermaid = await loadMermaid();
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  if (diagram.type !== "flowchart-v2") throw new Error(`not a flowchart: ${diagram.type}`);
  const db = diagram.db as unknown as FlowDb;
  const subgraphs = db.getSubGraphs().map((s) => ({
    id: s.id,
    title: decodeMermaidEntities(s.title),
    nodes: [...s.nodes],
    classes: [...s.classes],
  }));
  const subgraphIds = new Set(subgraphs.map((s) => s.id));
  const vertices = [...db.getVertices().values()]
    .filter((v) => !subgraphIds.has(v.id))
    .map((v) => ({
      id: v.id,
      text: decodeMermaidEntities(v.text ?? v.id),
      type: v.type,
      classes: [...v.classes],
    }));
  const edges = db.getEdges().map((e) => ({
    start: e.start,
    end: e.end,
    text: decodeMermaidEntities(e.text),
    stroke: e.stroke,
    style: e.style ?? [],
  }));
  const classDefs = new Map([...db.getClasses()].map(([name, c]) => [name, [...c.styles]]));
  return { direction: db.getDirection(), vertices, edges, subgraphs, classDefs };
}
