import { type Command, InvalidArgumentError, Option } from "commander";
import { estimate } from "../model/estimate.js";
import { estimateJsonChunks } from "../model/estimateJsonChunks.js";
import { formatEstimateCsv } from "../report/formatEstimateCsv.js";
import { formatEstimateMarkdown } from "../report/formatEstimateMarkdown.js";
import { formatEstimateTable } from "../report/formatEstimateTable.js";
import type { CliIo } from "./cliIo.js";
import { loadCatalogFile, loadTopologyFile } from "./loadInputs.js";

export const ESTIMATE_FORMATS = ["table", "json", "markdown", "csv"] as const;

/** Parse --hours-per-month: a number in (0, 744] with at most 6 decimals (kept exactly). */
export function parseHours(value: string): number {
  const hours = Number(value);
  if (!/^\d+(\.\d{1,6})?$/.test(value) || !(hours > 0 && hours <= 744)) {
    throw new InvalidArgumentError(
      "must be a number of hours greater than 0 and at most 744, with at most 6 decimals",
    );
  }
  return hours;
}

export function catalogOption(): Option {
  return new Option(
    "--catalog <file>",
    "price catalog file (JSON/YAML) instead of the bundled one",
  );
}

export function addEstimateCommand(program: Command, io: CliIo): void {
  program
    .command("estimate")
    .description("price a topology line by line (hourly, monthly, per GB, tiered)")
    .argument("<file>", "topology YAML or JSON file, or - for standard input")
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(ESTIMATE_FORMATS)
        .default("table"),
    )
    .option(
      "--hours-per-month <hours>",
      "hours in a month (default: the topology's, else 730)",
      parseHours,
    )
    .addOption(catalogOption())
    .action(
      async (
        file: string,
        opts: {
          format: (typeof ESTIMATE_FORMATS)[number];
          hoursPerMonth?: number;
          catalog?: string;
        },
      ) => {
        const [topology, catalog] = await Promise.all([
          loadTopologyFile(file),
          loadCatalogFile(opts.catalog),
        ]);
        const result = estimate(
          topology,
          catalog,
          opts.hoursPerMonth === undefined ? {} : { hoursPerMonth: opts.hoursPerMonth },
        );
        if (opts.format === "json") {
          // line by line: a million-line estimate never becomes one string
          await io.stdoutChunks(estimateJsonChunks(result));
          return;
        }
        const render = {
          table: formatEstimateTable,
          markdown: formatEstimateMarkdown,
          csv: formatEstimateCsv,
        }[opts.format];
        io.stdout(render(result));
      },
    );
}
