import { terminalLines, terminalText } from "../core/terminalText.js";
import type { PriceListMapping } from "../pricing/mapPriceList.js";

const EXAMPLES = 3;

function records(n: number): string {
  return `${n} record${n === 1 ? "" : "s"}`;
}

/**
 * What a Price List refresh did, for stderr: items priced per region, records used, every
 * record not used (by reason, with examples), records without a USD price, items missing.
 */
export function formatRefreshReport(mapping: PriceListMapping & { pages: number }): string {
  const perRegion = [
    ...Object.entries(mapping.catalog.regions).map(([r, items]) => [r, Object.keys(items).length]),
    ...(Object.keys(mapping.catalog.global).length > 0
      ? [["global", Object.keys(mapping.catalog.global).length]]
      : []),
  ];
  const items = perRegion.reduce((sum, [, n]) => sum + Number(n), 0);
  const lines = [
    `priced ${items} items (${perRegion.map(([r, n]) => `${r} ${n}`).join(", ") || "none"}) from ${mapping.mapped} of ${records(mapping.records)} in ${mapping.pages} page${mapping.pages === 1 ? "" : "s"}`,
  ];
  if (mapping.unmapped.count > 0) {
    lines.push(`not used: ${records(mapping.unmapped.count)}`);
    for (const [reason, tally] of Object.entries(mapping.unmapped.byReason)) {
      lines.push(`  ${reason}: ${tally.count}, e.g.`);
      for (const example of tally.examples.slice(0, EXAMPLES))
        lines.push(`    ${terminalText(example)}`);
    }
  }
  if (mapping.skipped.count > 0) {
    lines.push(`no USD price: ${records(mapping.skipped.count)}, e.g.`);
    for (const example of mapping.skipped.examples.slice(0, EXAMPLES))
      lines.push(`    ${terminalText(example)}`);
  }
  for (const [region, absent] of Object.entries(mapping.missing)) {
    lines.push(`missing in ${region}: ${absent.join(", ")}`);
  }
  return terminalLines(`${lines.join("\n")}\n`);
}
