import type { Estimate } from "../estimate/estimate.js";

/**
 * The report's note on imported resources priced per use that have no usage (their
 * usage lines show at zero with the rate): "Depends on usage — 2 resources have no usage
 * (counted at 0; give --usage): ecr_api (aws_vpc_endpoint.ecr_api), …". Null when none.
 * `quote` formats a name (plain for the table, a Markdown code span for Markdown).
 */
export function usageGapNote(
  estimate: Estimate,
  quote: (text: string) => string = (text) => text,
): string | null {
  const gaps = estimate.dependsOnUsage;
  if (!gaps || gaps.length === 0) return null;
  const count = `${gaps.length} resource${gaps.length === 1 ? " has" : "s have"}`;
  const names = gaps.map((g) =>
    g.resource === g.terraform
      ? quote(g.terraform)
      : `${quote(g.resource)} (${quote(g.terraform)})`,
  );
  return `Depends on usage — ${count} no usage (counted at 0; give --usage): ${names.join(", ")}`;
}
