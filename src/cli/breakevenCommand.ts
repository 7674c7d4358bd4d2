import { type Command, InvalidArgumentError, Option } from "commander";
import { BREAK_EVEN_DEFAULTS, breakEven } from "../model/breakEven.js";
import { breakEvenToJson } from "../model/breakEvenJson.js";
import { REGION_CODE } from "../model/regionCode.js";
import { formatBreakEvenTable } from "../report/formatBreakEvenTable.js";
import type { CliIo } from "./cliIo.js";
import { catalogOption, parseHours } from "./estimateCommand.js";
import { loadCatalogFile } from "./loadInputs.js";
import { parseList } from "./whatifCommand.js";

function parseRegion(value: string): string {
  if (!REGION_CODE.test(value)) {
    throw new InvalidArgumentError("must be an AWS region code such as us-east-1");
  }
  return value;
}

function parseServices(value: string): string[] | number {
  if (/^\d+$/.test(value)) {
    const count = Number(value);
    if (count < 1 || count > 1000) throw new InvalidArgumentError("must be 1 to 1000 services");
    return count;
  }
  const services = parseList(value);
  const bad = services.filter((s) => !/^[a-z0-9][a-z0-9.-]*$/.test(s));
  if (bad.length > 0) {
    throw new InvalidArgumentError(`not AWS service names: ${bad.join(", ")} (e.g. ecr.api, s3)`);
  }
  return services;
}

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
    .requiredOption("--region <region>", "AWS region code, e.g. us-east-1", parseRegion)
    .option("--azs <n>", "AZs per interface endpoint", parseCount, BREAK_EVEN_DEFAULTS.azs)
    .option(
      "--services <list>",
      `services, comma-separated (default ${BREAK_EVEN_DEFAULTS.services.join(",")}), or how many interface services`,
      parseServices,
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
        services?: string[] | number;
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
