import type { Money } from "../core/money.js";
import type { ResourceKind } from "../estimate/cost/lineItem.js";
import type { PriceCatalog } from "../pricing/catalogSchema.js";
import type { Endpoint, EndpointService, Topology, Vpc } from "../topology/topology.js";
import type { Finding, Severity } from "./finding.js";

/** The topology's parts by id (first of each id), for rules that follow references. */
export interface CheckLookup {
  vpcs: ReadonlyMap<string, Vpc>;
  services: ReadonlyMap<string, EndpointService>;
  /** endpoints by "vpc/endpoint" */
  endpoints: ReadonlyMap<string, { vpc: Vpc; endpoint: Endpoint }>;
}

/** Index a normalized topology's VPCs, endpoint services and endpoints by id. */
export function lookupOf(topology: Topology): CheckLookup {
  const vpcs = new Map<string, Vpc>();
  const services = new Map<string, EndpointService>();
  const endpoints = new Map<string, { vpc: Vpc; endpoint: Endpoint }>();
  for (const account of topology.accounts) {
    for (const vpc of account.vpcs) {
      if (!vpcs.has(vpc.id)) vpcs.set(vpc.id, vpc);
      for (const endpoint of vpc.endpoints) {
        const key = `${vpc.id}/${endpoint.id}`;
        if (!endpoints.has(key)) endpoints.set(key, { vpc, endpoint });
      }
    }
    for (const service of account.endpointServices)
      if (!services.has(service.id)) services.set(service.id, service);
  }
  return { vpcs, services, endpoints };
}

/** What a rule reads: the normalized topology and its priced line items (for cost findings). */
export interface CheckContext {
  topology: Topology;
  lookup: CheckLookup;
  catalog: PriceCatalog;
  /**
   * What the estimate bills a resource per month (its lines of `component` only, when
   * given), or null when the catalog cannot price the topology.
   */
  monthlyOf(
    account: string,
    vpc: string,
    kind: ResourceKind,
    resource: string,
    component?: string,
  ): Money | null;
}

/** One rule of `linkplan check`, in a file of its own under src/check/rules/. */
export interface CheckRule {
  id: string;
  severity: Severity;
  /** one line: what the rule finds */
  summary: string;
  /** AWS documentation about it */
  docs: string;
  check(ctx: CheckContext): Finding[];
}

/** The fields a rule gives for each finding; the rest comes from the rule. */
export type FindingDetails = Pick<Finding, "message" | "fix" | "path" | "resource"> &
  Partial<Pick<Finding, "savingMonthly">>;

/** A finding of `rule`. */
export function findingOf(rule: Omit<CheckRule, "check">, details: FindingDetails): Finding {
  return {
    rule: rule.id,
    severity: rule.severity,
    message: details.message,
    fix: details.fix,
    path: details.path,
    resource: details.resource,
    docs: rule.docs,
    ...(details.savingMonthly !== undefined ? { savingMonthly: details.savingMonthly } : {}),
  };
}

/** Visit every VPC with its JSON path. */
export function* vpcsOf(topology: Topology) {
  for (const [a, account] of topology.accounts.entries()) {
    for (const [v, vpc] of account.vpcs.entries()) {
      yield { account, vpc, path: `accounts[${a}].vpcs[${v}]` };
    }
  }
}

/** Visit every endpoint service with its JSON path. */
export function* servicesOf(topology: Topology) {
  for (const [a, account] of topology.accounts.entries()) {
    for (const [s, service] of account.endpointServices.entries()) {
      yield { account, service, path: `accounts[${a}].endpointServices[${s}]` };
    }
  }
}
