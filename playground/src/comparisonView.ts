import type { Comparison, LineChange } from "./apiTypes.js";
import { type Column, dataTable } from "./dataTable.js";
import { h } from "./dom.js";
import { formatMoney } from "./money.js";

function deltaClass(amount: string | null): string {
  if (!amount || /^[+-]?0*(\.0*)?$/.test(amount)) return "";
  return amount.startsWith("-") ? "delta-down" : "delta-up";
}

/** Before, after and the difference of a comparison, as three cards. */
export function comparisonCards(comparison: Comparison): HTMLElement {
  const c = comparison.currency;
  const { delta } = comparison;
  return h(
    "div",
    { className: "cards" },
    h(
      "div",
      { className: "card" },
      h("div", { className: "label" }, `Before · ${comparison.before.name}`),
      h("div", { className: "value" }, formatMoney(comparison.before.totals.monthly, c)),
      h("div", { className: "sub" }, `per month · ${comparison.before.lines} lines`),
    ),
    h(
      "div",
      { className: "card" },
      h("div", { className: "label" }, `After · ${comparison.after.name}`),
      h("div", { className: "value" }, formatMoney(comparison.after.totals.monthly, c)),
      h("div", { className: "sub" }, `per month · ${comparison.after.lines} lines`),
    ),
    h(
      "div",
      { className: "card big" },
      h("div", { className: "label" }, "Difference per month"),
      h(
        "div",
        { className: `value ${deltaClass(delta.monthly)}`, "data-testid": "compare-delta" },
        formatMoney(delta.monthly, c, true),
      ),
      h(
        "div",
        { className: "sub" },
        delta.percent === null
          ? `${comparison.changes.length} lines changed`
          : `${delta.percent.startsWith("-") ? "" : "+"}${delta.percent} % · ${comparison.changes.length} lines changed, ${comparison.unchanged} unchanged`,
      ),
    ),
  );
}

/** The lines that changed, sortable. */
export function changesTable(comparison: Comparison): HTMLElement {
  const c = comparison.currency;
  if (comparison.changes.length === 0) {
    return h("p", { className: "empty" }, "No line changed.");
  }
  const columns: Column<LineChange>[] = [
    {
      label: "Change",
      kind: "text",
      value: (l) => l.change,
      cell: (l) => h("span", { className: `tag ${l.change}` }, l.change),
    },
    {
      label: "Resource",
      kind: "text",
      value: (l) => l.resource,
      cell: (l) =>
        h(
          "span",
          {},
          h("span", { className: "id" }, l.resource),
          h("br"),
          h("span", { className: "muted" }, [l.account, l.vpc].filter(Boolean).join(" / ")),
        ),
    },
    { label: "What", kind: "text", value: (l) => l.description },
    {
      label: "Before",
      kind: "number",
      value: (l) => l.before?.monthly,
      cell: (l) => formatMoney(l.before?.monthly, c),
    },
    {
      label: "After",
      kind: "number",
      value: (l) => l.after?.monthly,
      cell: (l) => formatMoney(l.after?.monthly, c),
    },
    {
      label: "Δ per month",
      kind: "number",
      value: (l) => l.delta.monthly,
      cell: (l) =>
        h(
          "span",
          { className: deltaClass(l.delta.monthly) },
          formatMoney(l.delta.monthly, c, true),
        ),
    },
  ];
  return dataTable(columns, comparison.changes, {
    caption: "Lines that changed",
    sort: { column: 5, direction: "descending" },
  });
}
