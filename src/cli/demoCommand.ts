import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { packagePath } from "../api/packageRoot.js";
import { drawTopology } from "../diagram/drawTopology.js";
import { parseDocument } from "../document/parseDocument.js";
import { estimate } from "../estimate/estimate.js";
import { bundledCatalog } from "../pricing/bundledCatalog.js";
import { formatEstimateTable } from "../report/formatEstimateTable.js";
import { parseTopology } from "../topology/parseTopology.js";
import type { CliIo } from "./cliIo.js";

/** The example the demo shows: the article's overview, consumer → PrivateLink → provider. */
export const DEMO_EXAMPLE = "consumer-provider";

export function addDemoCommand(program: Command, io: CliIo): void {
  program
    .command("demo")
    .description(
      `estimate and draw examples/${DEMO_EXAMPLE}.yaml; write its SVG and Mermaid files to out/`,
    )
    .option("--out <dir>", "directory for the SVG and Mermaid files", "out")
    .action(async (opts: { out: string }) => {
      const file = `examples/${DEMO_EXAMPLE}.yaml`;
      const text = await readFile(packagePath(file), "utf8");
      const topology = parseTopology(parseDocument(text, file));
      const priced = estimate(topology, bundledCatalog());
      io.stdout(`$ linkplan estimate ${file}\n\n${formatEstimateTable(priced)}\n`);
      io.stdout(`$ linkplan diagram ${file} --costs\n\n`);
      io.stdout(drawTopology(topology, { format: "ascii", estimate: priced }));
      const dir = resolve(io.cwd, opts.out);
      await mkdir(dir, { recursive: true });
      const written: string[] = [];
      for (const [suffix, format] of [
        ["svg", "svg"],
        ["mmd", "mermaid"],
      ] as const) {
        const path = join(dir, `${DEMO_EXAMPLE}.${suffix}`);
        await writeFile(path, drawTopology(topology, { format, estimate: priced }));
        written.push(relative(io.cwd, path));
      }
      io.stdout(`\nwrote ${written.join(" and ")}\n`);
    });
}
