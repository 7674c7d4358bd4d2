import { LinkplanError } from "../core/linkplanError.js";
import type { Money } from "../core/money.js";
import { type Estimate, estimate } from "../estimate/estimate.js";
import { bundledCatalog } from "../pricing/bundledCatalog.js";
import type { PriceCatalog } from "../pricing/catalogSchema.js";
import type { Topology } from "../topology/topology.js";
import { type CheckContext, type CheckRule, lookupOf } from "./checkRule.js";
import { type Finding, severityRank } from "./finding.js";
import { findingSource } from "./findingSource.js";
import { RULES } from "./rules.js";

export interface CheckOptions {
  /** only these rules (ids) */
  rules?: readonly string[];
  /** all but these rules (ids) */
  skipRules?: readonly string[];
  /** prices for cost findings (default: the bundled catalog) */
  catalog?: PriceCatalog;
}

/** The rules `options` select; an unknown id is an invalid_request naming it. */
export function selectedRules(options: CheckOptions = {}): CheckRule[] {
  const known = new Set(RULES.map((r) => r.id));
  const problems = [
    ...(options.rules ?? []).map((id, i) => ({ id, path: `rules[${i}]` })),
    ...(options.skipRules ?? []).map((id, i) => ({ id, path: `skipRules[${i}]` })),
  ]
    .filter(({ id }) => !known.has(id))
    .map(({ id, path }) => ({
      path,
      message: `unknown rule "${id}" (linkplan check --list-rules lists them)`,
    }));
  if (problems.length > 0)
    throw new LinkplanError("invalid_request", "unknown check rules", problems);
  const only = options.rules && options.rules.length > 0 ? new Set(options.rules) : undefined;
  const skip = new Set(options.skipRules ?? []);
  return RULES.filter((r) => (only === undefined || only.has(r.id)) && !skip.has(r.id));
}

/**
 * Findings of the selected rules on a valid topology, most severe first, then in rule and
 * document order. Pure; never throws for a valid topology (a catalog that cannot price it
 * only leaves the money out of cost findings).
 */
export function check(topology: Topology, options: CheckOptions = {}): Finding[] {
  const catalog = options.catalog ?? bundledCatalog();
  let priced: Estimate | null | undefined;
  let byResource: Map<string, Money> | undefined;
  const ctx: CheckContext = {
    topology,
    lookup: lookupOf(topology),
    catalog,
    monthlyOf(account, vpc, kind, resource, component) {
      if (priced === undefined) {
        try {
          priced = estimate(topology, catalog);
        } catch (error) {
          if (!(error instanceof LinkplanError) || error.code !== "missing_price") throw error;
          priced = null;
        }
      }
      if (priced === null) return null;
      if (!byResource) {
        byResource = new Map();
        for (const line of priced.lines) {
          for (const key of [
            `${line.account}/${line.vpc}/${line.kind}/${line.resource}`,
            `${line.account}/${line.vpc}/${line.kind}/${line.resource}/${line.component}`,
          ])
            byResource.set(key, (byResource.get(key) ?? 0n) + line.monthly);
        }
      }
      const key = `${account}/${vpc}/${kind}/${resource}${component === undefined ? "" : `/${component}`}`;
      return byResource.get(key) ?? 0n;
    },
  };
  const findings = selectedRules(options).flatMap((rule, order) =>
    rule.check(ctx).map((finding) => ({ finding, order })),
  );
  findings.sort(
    (a, b) =>
      severityRank(b.finding.severity) - severityRank(a.finding.severity) || a.order - b.order,
  );
  return findings.map(({ finding }) => {
    const source = findingSource(topology, finding.path);
    return source ? { ...finding, source } : finding;
  });
}
