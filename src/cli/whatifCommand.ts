import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { stringify } from "yaml";
import { comparisonToJson } from "../model/comparisonJson.js";
import { LinkplanError } from "../model/linkplanError.js";
import type { Money } from "../model/money.js";
import { applyWhatIf, compareWhatIf, type WhatIf } from "../model/whatif/whatIf.js";
import type { CliIo } from "./cliIo.js";
import {
  COMPARE_FORMATS,
  type CompareFormat,
  checkGate,
  parseUsd,
  renderComparison,
} from "./compareCommand.js";
import { catalogOption, parseHours } from "./estimateCommand.js";
import { loadCatalogFile, loadTopologyDocFile } from "./loadInputs.js";

/** "1" → 1; "eu-west-2a,eu-west-2b" → the list. */
function parseAzs(value: string): number | string[] {
  if (/^\d+$/.test(value)) {
    const n = Number(value);
    if (n < 1) throw new InvalidArgumentError("must keep at least 1 AZ");
    return n;
  }
  return parseList(value, "a number or a list of AZs");
}

/** "s3,sqs" → ["s3", "sqs"] */
export function parseList(value: string, expected = "a comma-separated list"): string[] {
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new InvalidArgumentError(`must be ${expected}`);
  return items;
}

interface WhatIfFlags {
  consolidateAzs?: number | string[];
  natToEndpoints?: boolean;
  centralize?: string;
  vpc?: string;
  services?: string[];
}

/** The one transform the flags ask for (exactly one of the three). */
function whatIfOf(flags: WhatIfFlags): WhatIf {
  const chosen = [
    flags.consolidateAzs !== undefined ? "--consolidate-azs" : null,
    flags.natToEndpoints ? "--nat-to-endpoints" : null,
    flags.centralize !== undefined ? "--centralize" : null,
  ].filter((f) => f !== null);
  if (chosen.length !== 1) {
    throw new LinkplanError(
      "invalid_request",
      chosen.length === 0
        ? "choose a what-if: --consolidate-azs <n|azs>, --nat-to-endpoints or --centralize <hub-vpc>"
        : `choose one what-if at a time, not ${chosen.join(" and ")}`,
      [],
    );
  }
  const unused = [
    flags.centralize !== undefined && flags.vpc !== undefined ? "--vpc" : null,
    flags.consolidateAzs !== undefined && flags.services !== undefined ? "--services" : null,
  ].filter((f) => f !== null);
  if (unused.length > 0) {
    throw new LinkplanError(
      "invalid_request",
      `${unused.join(" and ")} does not apply to ${chosen[0]}`,
      [],
    );
  }
  const vpc = flags.vpc === undefined ? {} : { vpc: flags.vpc };
  const services = flags.services === undefined ? {} : { services: flags.services };
  if (flags.consolidateAzs !== undefined)
    return { kind: "consolidateAzs", azs: flags.consolidateAzs, ...vpc };
  if (flags.natToEndpoints) return { kind: "natToEndpoints", ...services, ...vpc };
  return { kind: "centralizeEndpoints", hubVpc: flags.centralize ?? "", ...services };
}

export function addWhatIfCommand(program: Command, io: CliIo): void {
  program
    .command("whatif")
    .description("apply a what-if to a topology and print before, after and the difference")
    .argument("<file>", "topology YAML or JSON file, or - for standard input")
    .option(
      "--consolidate-azs <n|azs>",
      "keep interface endpoints in the VPC's first n AZs (or the listed AZs); traffic from AZs that lose their ENI pays inter-AZ",
      parseAzs,
    )
    .option(
      "--nat-to-endpoints",
      "move NAT traffic bound for AWS services (natGateways[].destinations) onto endpoints",
    )
    .option(
      "--centralize <hub-vpc>",
      "move interface endpoints of the region's other VPCs into this hub VPC (Transit Gateway + shared private zones)",
    )
    .option("--vpc <id>", "only this VPC (--consolidate-azs, --nat-to-endpoints)")
    .option(
      "--services <list>",
      "only these services, comma-separated (--nat-to-endpoints, --centralize)",
      (value: string) => parseList(value),
    )
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(COMPARE_FORMATS)
        .default("table"),
    )
    .option("-o, --output <file>", "also write the transformed topology (YAML) to this file")
    .option(
      "--fail-above <usd>",
      "exit with code 3 when the monthly increase exceeds this",
      parseUsd,
    )
    .option("--hours-per-month <hours>", "hours in a month (default 730)", parseHours)
    .addOption(catalogOption())
    .action(
      async (
        file: string,
        opts: WhatIfFlags & {
          format: CompareFormat;
          output?: string;
          failAbove?: Money;
          hoursPerMonth?: number;
          catalog?: string;
        },
      ) => {
        const whatIf = whatIfOf(opts);
        const [doc, catalog] = await Promise.all([
          loadTopologyDocFile(file),
          loadCatalogFile(opts.catalog),
        ]);
        const after = applyWhatIf(doc, whatIf);
        const comparison = compareWhatIf(doc, after, catalog, {
          ...(opts.hoursPerMonth === undefined ? {} : { hoursPerMonth: opts.hoursPerMonth }),
        });
        if (opts.format === "json") {
          const body = { whatIf, topology: after, comparison: comparisonToJson(comparison) };
          io.stdout(`${JSON.stringify(body, null, 2)}\n`);
        } else {
          // the title of the report names the transform ("… (what-if: …)")
          io.stdout(renderComparison(comparison, opts.format));
        }
        if (opts.output) {
          await writeFile(resolve(io.cwd, opts.output), stringify(after));
          io.stderr(`wrote ${opts.output}\n`);
        }
        checkGate(comparison, opts.failAbove);
      },
    );
}
