import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type Command, Option } from "commander";
import { compare } from "../model/compare.js";
import { estimate } from "../model/estimate.js";
import { DIAGRAM_LIMITS } from "../render/diagramLimits.js";
import { drawComparison } from "../render/drawComparison.js";
import { DIAGRAM_FORMATS, type DiagramFormat, drawTopology } from "../render/drawTopology.js";
import type { GraphOptions } from "../render/toGraph.js";
import type { CliIo } from "./cliIo.js";
import { catalogOption } from "./estimateCommand.js";
import { loadCatalogFile, loadTopologyFile } from "./loadInputs.js";
import { positiveInteger } from "./serveCommand.js";

interface DiagramOptions {
  format: DiagramFormat;
  charset: "unicode" | "ascii";
  theme: "light" | "dark";
  detail: NonNullable<GraphOptions["detail"]>;
  costs?: boolean;
  securityGroups?: boolean;
  routeTables?: boolean;
  hostedZones: boolean;
  catalog?: string;
  output?: string;
  compare?: string;
  maxDiagramNodes: number;
}

export function addDiagramCommand(program: Command, io: CliIo): void {
  program
    .command("diagram")
    .description("draw a topology as ASCII, Mermaid or SVG")
    .argument("<file>", "topology YAML or JSON file, or - for standard input")
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(DIAGRAM_FORMATS)
        .default("ascii"),
    )
    .addOption(
      new Option("--charset <charset>", "ASCII charset")
        .choices(["unicode", "ascii"])
        .default("unicode"),
    )
    .addOption(
      new Option("--theme <theme>", "SVG theme").choices(["light", "dark"]).default("light"),
    )
    .addOption(
      new Option("--detail <level>", "how deep the boxes go")
        .choices(["accounts", "vpcs", "azs", "subnets"])
        .default("vpcs"),
    )
    .option("--costs", "annotate nodes and groups with monthly costs")
    .option("--security-groups", "show security groups on endpoints")
    .option("--route-tables", "show route tables and their gateway endpoint routes")
    .option("--no-hosted-zones", "hide Route 53 hosted zones and alias records")
    .addOption(catalogOption())
    .option("-o, --output <file>", "write to a file instead of standard output")
    .option(
      "--max-diagram-nodes <n>",
      "refuse diagrams with more nodes and groups (diagram_too_large)",
      positiveInteger,
      DIAGRAM_LIMITS.maxNodes,
    )
    .option(
      "--compare <before>",
      "draw <file> with what was added (+) and removed (-) since <before> marked",
    )
    .action(async (file: string, opts: DiagramOptions, command: Command) => {
      const { compare: beforeFile, maxDiagramNodes, ...options } = opts;
      const request = { ...options, limits: { maxNodes: maxDiagramNodes } };
      if (beforeFile === "-" && file === "-") {
        command.error("error: --compare and <file> cannot both read standard input");
      }
      const topology = await loadTopologyFile(file);
      const before = beforeFile === undefined ? null : await loadTopologyFile(beforeFile);
      const catalog = opts.costs ? await loadCatalogFile(opts.catalog) : null;
      let text: string;
      if (before) {
        // one comparison prices both files (the first with its paired accounts renamed)
        const comparison = catalog ? compare(before, topology, catalog) : null;
        text = drawComparison(
          before,
          topology,
          { ...request, estimate: comparison?.after ?? null },
          { comparison },
        );
      } else {
        text = drawTopology(topology, {
          ...request,
          estimate: catalog ? estimate(topology, catalog) : null,
        });
      }
      if (opts.output) {
        await writeFile(resolve(io.cwd, opts.output), text);
        io.stderr(`wrote ${opts.output}\n`);
      } else {
        io.stdout(text);
      }
    });
}
