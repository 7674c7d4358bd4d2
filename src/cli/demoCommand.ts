import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { estimate } from "../model/estimate.js";
import { parseDocument } from "../model/parseDocument.js";
import { parseTopology } from "../model/parseTopology.js";
import { bundledCatalog } from "../pricing/bundledCatalog.js";
import { formatEstimateTable } from "../report/formatEstimateTable.js";
import type { CliIo } from "./cliIo.js";

/** The example the demo shows: the article's common endpoints module. */
export const DEMO_EXAMPLE = "endpoints-module.yaml";

export function examplesDir(): string {
  return fileURLToPath(new URL("../../examples/", import.meta.url));
}

export function addDemoCommand(program: Command, io: CliIo): void {
  program
    .command("demo")
    .description(`estimate the bundled example examples/${DEMO_EXAMPLE}`)
    .action(async () => {
      const path = `${examplesDir()}${DEMO_EXAMPLE}`;
      const topology = parseTopology(
        parseDocument(await readFile(path, "utf8"), `examples/${DEMO_EXAMPLE}`),
      );
      io.stdout(`$ linkplan estimate examples/${DEMO_EXAMPLE}\n\n`);
      io.stdout(formatEstimateTable(estimate(topology, bundledCatalog())));
    });
}
