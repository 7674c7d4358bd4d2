import { type Command, InvalidArgumentError, Option } from "commander";
import { BREAK_EVEN_DEFAULTS, breakEven } from "../model/breakEven.js";
import { breakEvenToJson } from "../model/breakEvenJson.js";
import { formatBreakEvenTable } from "../report/formatBreakEvenTable.js";
import type { CliIo } from "./cliIo.js";
import { catalogOption, parseHours } from "./estimateCommand.js";
import { loadCatalogFile } from "./loadInputs.js";
import { parseList } from "./whatifCommand.js";

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("must be a whole number");
  return Number(value);
}

function parseCounts(value: string): number[] {
  return parseList(value).map(parseCount);
}

export function addBreakEvenCommand(program: Command, io: CliIo): void {
  program
    .command("breakeven")
    .description("GB/month at which an endpoint beats NAT, and a hub VPC beats per-VPC endpoints")
    .requiredOption("--region <region>", "AWS region code, e.g. us-east-1")
    .option("--azs <n>", "AZs per interface endpoint", parseCount, BREAK_EVEN_DEFAULTS.azs)
    .option(
      "--services <list>",
      `services, comma-separated (default ${BREAK_EVEN_DEFAULTS.services.join(",")})`,
      parseList,
    )
    .option(
      "--spokes <list>",
      `spoke VPC counts for the hub comparison (default ${BREAK_EVEN_DEFAULTS.spokes.join(",")})`,
      parseCounts,
    )
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["table", "json"])
        .default("table"),
    )
    .option("--hours-per-month <hours>", "hours in a month (default 730)", parseHours)
    .addOption(catalogOption())
    .action(
      async (opts: {
        region: string;
        azs: number;
        services?: string[];
        spokes?: number[];
        format: "table" | "json";
        hoursPerMonth?: number;
        catalog?: string;
      }) => {
        const result = breakEven(
          {
            region: opts.region,
            azs: opts.azs,
            ...(opts.services ? { services: opts.services } : {}),
            ...(opts.spokes ? { spokes: opts.spokes } : {}),
            ...(opts.hoursPerMonth === undefined ? {} : { hoursPerMonth: opts.hoursPerMonth }),
          },
          await loadCatalogFile(opts.catalog),
        );
        io.stdout(
          opts.format === "json"
            ? `${JSON.stringify(breakEvenToJson(result), null, 2)}\n`
            : formatBreakEvenTable(result),
        );
      },
    );
}
