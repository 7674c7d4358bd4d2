import { LinkplanError } from "../core/linkplanError.js";
import type { CliFlags } from "./operationCommand.js";

/** "s3, sqs" → ["s3", "sqs"] */
function list(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The what-if transform the flags ask for (exactly one of --consolidate-azs,
 * --nat-to-endpoints, --centralize), as the API's `transform` member: the what-if
 * operation checks it against WhatIfSchema, so both answer the same problems.
 */
export function whatIfOf(flags: CliFlags): unknown {
  const consolidate = flags.consolidateAzs as string | undefined;
  const centralize = flags.centralize as string | undefined;
  const vpc = flags.vpc as string | undefined;
  const services = flags.services as string | undefined;
  const chosen = [
    consolidate !== undefined ? "--consolidate-azs" : null,
    flags.natToEndpoints ? "--nat-to-endpoints" : null,
    centralize !== undefined ? "--centralize" : null,
  ].filter((f) => f !== null);
  if (chosen.length !== 1) {
    throw new LinkplanError(
      "invalid_option",
      chosen.length === 0
        ? "choose a what-if: --consolidate-azs <n|azs>, --nat-to-endpoints or --centralize <hub-vpc>"
        : `choose one what-if at a time, not ${chosen.join(" and ")}`,
    );
  }
  const unused = [
    centralize !== undefined && vpc !== undefined ? "--vpc" : null,
    consolidate !== undefined && services !== undefined ? "--services" : null,
  ].filter((f) => f !== null);
  if (unused.length > 0) {
    throw new LinkplanError(
      "invalid_option",
      `${unused.join(" and ")} does not apply to ${chosen[0]}`,
    );
  }
  const inVpc = vpc === undefined ? {} : { vpc };
  const only = services === undefined ? {} : { services: list(services) };
  if (consolidate !== undefined) {
    const azs = /^\d+$/.test(consolidate.trim()) ? Number(consolidate) : list(consolidate);
    return { kind: "consolidateAzs", azs, ...inVpc };
  }
  if (flags.natToEndpoints) return { kind: "natToEndpoints", ...only, ...inVpc };
  return { kind: "centralizeEndpoints", hubVpc: centralize, ...only };
}
