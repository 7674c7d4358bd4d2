import { parseDocument } from "../model/parseDocument.js";
import { parseTopology } from "../model/parseTopology.js";
import type { Topology } from "../model/topology.js";
import { bundledCatalog } from "../pricing/bundledCatalog.js";
import type { PriceCatalog } from "../pricing/catalogSchema.js";
import { parseCatalog } from "../pricing/parseCatalog.js";
import { readInput } from "./readInput.js";

/** Read, parse and validate a topology file ("-" for stdin). */
export async function loadTopologyFile(path: string): Promise<Topology> {
  const source = path === "-" ? "stdin" : path;
  return parseTopology(parseDocument(await readInput(path), source));
}

/** The catalog given with --catalog (JSON or YAML), or the bundled one. */
export async function loadCatalogFile(path: string | undefined): Promise<PriceCatalog> {
  if (path === undefined) return bundledCatalog();
  return parseCatalog(parseDocument(await readInput(path), path), path);
}
