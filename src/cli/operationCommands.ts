import { InvalidArgumentError, Option } from "commander";
import { stringify } from "yaml";
import type { AccountPair } from "../compare/alignAccounts.js";
import type { Comparison } from "../compare/compare.js";
import { LinkplanError } from "../core/linkplanError.js";
import { formatMoney, MONEY_DECIMALS, type Money, parseScaled } from "../core/money.js";
import { DIAGRAM_LIMITS } from "../diagram/diagramLimits.js";
import { breakEvenOperation } from "../operations/breakEvenOperation.js";
import { compareOperation } from "../operations/compareOperation.js";
import { diagramCompareOperation } from "../operations/diagramCompareOperation.js";
import { diagramOperation } from "../operations/diagramOperation.js";
import { estimateOperation } from "../operations/estimateOperation.js";
import { pricesOperation } from "../operations/pricesOperation.js";
import { validateOperation } from "../operations/validateOperation.js";
import { type WhatIfOutcome, whatIfOperation } from "../operations/whatIfOperation.js";
import { checkCommandSpec } from "./checkCommandSpec.js";
import type { CliIo } from "./cliIo.js";
import { writeOutput } from "./loadInputs.js";
import type { CliCommandSpec, CliFlags } from "./operationCommand.js";
import { splitOption, writeSplitDiagram } from "./splitDiagram.js";
import { whatIfOf } from "./whatIfFlags.js";

const TOPOLOGY = "topology YAML or JSON file, or - for standard input";

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

/** A positive whole number. */
function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new InvalidArgumentError("must be a positive integer");
  return n;
}

/** Fail with `gate_failed` (exit 3) when the monthly increase exceeds --fail-above. */
export function checkGate(comparison: Comparison, limit: Money | undefined): void {
  if (limit === undefined || comparison.delta.monthly <= limit) return;
  throw new LinkplanError(
    "gate_failed",
    `monthly cost rises by ${formatMoney(comparison.delta.monthly)} USD, above --fail-above ${formatMoney(limit)} USD`,
  );
}

function failAbove(): Option {
  return new Option(
    "--fail-above <usd>",
    "exit with code 3 when the monthly increase exceeds this many USD (for CI gates)",
  ).argParser(parseUsd);
}

function pairs(flags: CliFlags): { pairs?: AccountPair[] } {
  const list = flags.pair as AccountPair[] | undefined;
  return list ? { pairs: list } : {};
}

/** The commands derived from the operation table, with what only the command line adds. */
export function operationCommandSpecs(): CliCommandSpec[] {
  return [
    {
      operation: estimateOperation,
      files: [{ name: "file", description: TOPOLOGY }],
      priced: true,
    },
    {
      operation: diagramOperation,
      files: [{ name: "file", description: TOPOLOGY }],
      priced: true,
      outputFile: true,
      extraOptions: [
        new Option(
          "--max-diagram-nodes <n>",
          "refuse diagrams with more nodes and groups (diagram_too_large)",
        )
          .argParser(positiveInteger)
          .default(DIAGRAM_LIMITS.maxNodes),
        new Option(
          "--compare <before>",
          "draw <file> with what was added (+) and removed (-) since <before> marked",
        ),
        splitOption(),
      ],
      write: writeSplitDiagram,
      flagFiles: (flags) => (typeof flags.compare === "string" ? [flags.compare] : []),
      pick: (flags) => (flags.compare === undefined ? diagramOperation : diagramCompareOperation),
      body: ([document, before], flags) =>
        flags.compare === undefined ? document : { a: before, b: document },
    },
    {
      operation: compareOperation,
      files: [
        { name: "a", description: "the first topology (e.g. dev.yaml, or the main branch's)" },
        { name: "b", description: "the second topology (e.g. prod.yaml, or the pull request's)" },
      ],
      priced: true,
      extraOptions: [
        failAbove(),
        new Option(
          "--pair <a=b>",
          "treat account <a> of the first topology as account <b> of the second (repeatable; one account each is paired automatically)",
        ).argParser(parsePair),
      ],
      body: ([a, b], flags) => ({ a, b, ...pairs(flags) }),
      after: (result, flags) =>
        checkGate(result as Comparison, flags.failAbove as Money | undefined),
    },
    {
      operation: whatIfOperation,
      files: [{ name: "file", description: TOPOLOGY }],
      priced: true,
      extraOptions: [
        new Option(
          "--consolidate-azs <n|azs>",
          "keep interface endpoints in the VPC's first n AZs (or the listed AZs); traffic from AZs that lose their ENI pays inter-AZ",
        ),
        new Option(
          "--nat-to-endpoints",
          "move NAT traffic bound for AWS services (natGateways[].destinations) onto endpoints",
        ),
        new Option(
          "--centralize <hub-vpc>",
          "move interface endpoints of the region's other VPCs into this hub VPC (Transit Gateway + shared private zones)",
        ),
        new Option("--vpc <id>", "only this VPC (--consolidate-azs, --nat-to-endpoints)"),
        new Option(
          "--services <list>",
          "only these services, comma-separated (--nat-to-endpoints, --centralize)",
        ),
        new Option(
          "-o, --output <file>",
          "also write the transformed topology (YAML) to this file",
        ),
        failAbove(),
      ],
      body: ([topology], flags) => ({ topology, transform: whatIfOf(flags) }),
      after: async (result, flags, io: CliIo) => {
        const outcome = result as WhatIfOutcome;
        if (typeof flags.output === "string") {
          await writeOutput(io, flags.output, stringify(outcome.topology));
          io.stderr(`wrote ${flags.output}\n`);
        }
        checkGate(outcome.comparison, flags.failAbove as Money | undefined);
      },
    },
    { operation: breakEvenOperation, files: [], priced: true },
    checkCommandSpec(),
    // --catalog: a refreshed catalog's AWS service list validates service names
    {
      operation: validateOperation,
      files: [{ name: "file", description: TOPOLOGY }],
      priced: true,
    },
  ];
}

/** `linkplan prices show`: the prices operation under the prices command. */
export const pricesShowSpec: CliCommandSpec = {
  operation: pricesOperation,
  name: "show",
  files: [],
  priced: true,
};
