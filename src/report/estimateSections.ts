import type { Money } from "../core/money.js";
import type { LineItem } from "../estimate/cost/lineItem.js";
import type { Estimate } from "../estimate/estimate.js";

export interface VpcSection {
  /** VPC id, or null for account-level lines (hosted zones) */
  vpc: string | null;
  region: string;
  lines: LineItem[];
  monthly: Money;
}

export interface AccountSection {
  account: string;
  vpcs: VpcSection[];
  monthly: Money;
}

/** Group an estimate's lines by account, then VPC, keeping input order. */
export function estimateSections(estimate: Estimate): AccountSection[] {
  const accounts = new Map<string, AccountSection>();
  for (const line of estimate.lines) {
    let account = accounts.get(line.account);
    if (!account) {
      account = { account: line.account, vpcs: [], monthly: 0n };
      accounts.set(line.account, account);
    }
    let vpc = account.vpcs.find((v) => v.vpc === line.vpc);
    if (!vpc) {
      vpc = { vpc: line.vpc, region: line.region, lines: [], monthly: 0n };
      account.vpcs.push(vpc);
    }
    vpc.lines.push(line);
    vpc.monthly += line.monthly;
    account.monthly += line.monthly;
  }
  for (const account of accounts.values()) {
    // account-level lines (no VPC) last
    account.vpcs.sort((a, b) => Number(a.vpc === null) - Number(b.vpc === null));
  }
  return [...accounts.values()];
}
