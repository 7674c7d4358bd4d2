import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseDocument } from "../../src/document/parseDocument.js";
import { parseTopology, parseTopologyDoc } from "../../src/topology/parseTopology.js";
import type { Topology } from "../../src/topology/topology.js";
import type { TopologyDoc } from "../../src/topology/topologySchema.js";

const EXAMPLES_DIR = fileURLToPath(new URL("../../examples/", import.meta.url));

/** The bundled examples' names (examples/<name>.yaml), sorted. */
export const EXAMPLE_NAMES: readonly string[] = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith(".yaml"))
  .sort()
  .map((f) => f.replace(/\.yaml$/, ""));

/** The path of examples/<name>.yaml relative to the checkout (as a user would type it). */
export function examplePath(name: string): string {
  return `examples/${name}.yaml`;
}

/** The text of examples/<name>.yaml. */
export function exampleYaml(name: string): string {
  return readFileSync(`${EXAMPLES_DIR}${name}.yaml`, "utf8");
}

/** examples/<name>.yaml as a validated topology. */
export function exampleTopology(name: string): Topology {
  return parseTopology(parseDocument(exampleYaml(name), examplePath(name)));
}

/** examples/<name>.yaml as validated, in its authored shape (what what-ifs transform). */
export function exampleDoc(name: string): TopologyDoc {
  return parseTopologyDoc(parseDocument(exampleYaml(name), examplePath(name)));
}

/** A YAML document as a validated topology in its authored shape. */
export function docOf(yaml: string): TopologyDoc {
  return parseTopologyDoc(parseDocument(yaml));
}
