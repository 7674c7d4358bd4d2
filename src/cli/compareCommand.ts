import { type Command, InvalidArgumentError, Option } from "commander";
import type { AccountPair } from "../model/alignAccounts.js";
import { type Comparison, compare } from "../model/compare.js";
import { comparisonToJson } from "../model/comparisonJson.js";
import { formatMoney, MONEY_DECIMALS, type Money, parseScaled } from "../model/money.js";
import { formatComparisonMarkdown } from "../report/formatComparisonMarkdown.js";
import { formatComparisonTable } from "../report/formatComparisonTable.js";
import type { CliIo } from "./cliIo.js";
import { catalogOption, parseHours } from "./estimateCommand.js";
import { GateFailure } from "./gateFailure.js";
import { loadCatalogFile, loadTopologyFile } from "./loadInputs.js";

export const COMPARE_FORMATS = ["table", "json", "markdown"] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

/** Print a comparison in one of the compare formats. */
export function renderComparison(comparison: Comparison, format: CompareFormat): string {
  if (format === "json") return `${JSON.stringify(comparisonToJson(comparison), null, 2)}\n`;
  return format === "markdown"
    ? formatComparisonMarkdown(comparison)
    : formatComparisonTable(comparison);
}

/** Parse --fail-above: a non-negative USD amount, exactly. */
export function parseUsd(value: string): Money {
  if (!/^\d+(\.\d+)?$/.test(value)) {
    throw new InvalidArgumentError("must be a USD amount such as 50 or 12.5");
  }
  return parseScaled(value, MONEY_DECIMALS, true);
}

/** Parse --pair before=after (repeatable). */
function parsePair(value: string, previous: AccountPair[] = []): AccountPair[] {
  const match = /^([^=\s]+)=([^=\s]+)$/.exec(value);
  if (!match?.[1] || !match[2]) {
    throw new InvalidArgumentError("must be <account in a>=<account in b>");
  }
  return [...previous, { before: match[1], after: match[2] }];
}

/** Throw the gate failure when the monthly increase exceeds the limit. */
export function checkGate(comparison: Comparison, limit: Money | undefined): void {
  if (limit === undefined || comparison.delta.monthly <= limit) return;
  throw new GateFailure(
    `monthly cost rises by ${formatMoney(comparison.delta.monthly)} USD, above --fail-above ${formatMoney(limit)} USD`,
  );
}

export function addCompareCommand(program: Command, io: CliIo): void {
  program
    .command("compare")
    .description("what b costs relative to a: lines added, removed and changed, rollups, delta")
    .argument("<a>", "the first topology (e.g. dev.yaml, or the main branch's)")
    .argument("<b>", "the second topology (e.g. prod.yaml, or the pull request's)")
    .addOption(
      new Option("-f, --format <format>", "output format (markdown suits a PR comment)")
        .choices(COMPARE_FORMATS)
        .default("table"),
    )
    .option(
      "--fail-above <usd>",
      "exit with code 3 when the monthly increase exceeds this many USD (for CI gates)",
      parseUsd,
    )
    .option(
      "--pair <a=b>",
      "treat account <a> of the first topology as account <b> of the second (repeatable; one account each is paired automatically)",
      parsePair,
    )
    .option("--hours-per-month <hours>", "hours in a month (default 730)", parseHours)
    .addOption(catalogOption())
    .action(
      async (
        a: string,
        b: string,
        opts: {
          format: CompareFormat;
          failAbove?: Money;
          pair?: AccountPair[];
          hoursPerMonth?: number;
          catalog?: string;
        },
      ) => {
        const [before, after, catalog] = await Promise.all([
          loadTopologyFile(a),
          loadTopologyFile(b),
          loadCatalogFile(opts.catalog),
        ]);
        const comparison = compare(before, after, catalog, {
          ...(opts.pair ? { pairs: opts.pair } : {}),
          ...(opts.hoursPerMonth === undefined ? {} : { hoursPerMonth: opts.hoursPerMonth }),
        });
        io.stdout(renderComparison(comparison, opts.format));
        checkGate(comparison, opts.failAbove);
      },
    );
}
