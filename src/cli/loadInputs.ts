import { parseDocument } from "../model/parseDocument.js";
import { parseTopology, parseTopologyDoc } from "../model/parseTopology.js";
import type { Topology } from "../model/topology.js";
import type { TopologyDoc } from "../model/topologySchema.js";
import { bundledCatalog } from "../pricing/bundledCatalog.js";
import type { PriceCatalog } from "../pricing/catalogSchema.js";
import { parseCatalog } from "../pricing/parseCatalog.js";
import { readInput } from "./readInput.js";

/** Read, parse and validate a topology file ("-" for stdin). */
export async function loadTopologyFile(path: string): Promise<Topology> {
  const source = path === "-" ? "stdin" : path;
  return parseTopology(parseDocument(await readInput(path), source));
}

/** Read and validate a topology file in its authored shape (for what-if transforms). */
export async function loadTopologyDocFile(path: string): Promise<TopologyDoc> {
  const source = path === "-" ? "stdin" : path;
  return parseTopologyDoc(parseDocument(await readInput(path), source));
}

/** The catalog given with --catalog (JSON or YAML), or the bundled one. */
export async function loadCatalogFile(path: string | undefined): Promise<PriceCatalog> {
  if (path === undefined) return bundledCatalog();
  return parseCatalog(parseDocument(await readInput(path), path), path);
}
