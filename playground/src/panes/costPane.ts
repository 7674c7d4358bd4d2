import type { Estimate, EstimateLine, Rollup, RollupName } from "../apiTypes.js";
import type { Context, Pane, Settings } from "../context.js";
import { type Column, dataTable } from "../dataTable.js";
import { DeferredRender } from "../deferredRender.js";
import { h, replaceChildren, uid } from "../dom.js";
import { formatMoney, formatNumber } from "../money.js";
import type { SortState } from "../sortRows.js";

const GROUPS: { value: Settings["groupBy"]; label: string }[] = [
  { value: "lines", label: "Lines" },
  { value: "byAccount", label: "Account" },
  { value: "byVpc", label: "VPC" },
  { value: "byRegion", label: "Region" },
  { value: "byAz", label: "AZ" },
  { value: "byKind", label: "Kind" },
];

function segmented<T extends string>(
  name: string,
  legend: string,
  options: { value: T; label: string }[],
  current: T,
  onChange: (value: T) => void,
): HTMLElement {
  const group = h("div", { className: "segmented", role: "radiogroup", "aria-label": legend });
  for (const option of options) {
    const input = h("input", {
      type: "radio",
      name,
      value: option.value,
      checked: option.value === current,
      onchange: () => onChange(option.value),
    });
    group.append(h("label", {}, input, h("span", { className: "choice" }, option.label)));
  }
  return h("div", { className: "field" }, h("span", {}, legend), group);
}

/** Cost: the total, the estimate's lines or a rollup, sortable, hourly or monthly. */
export class CostPane implements Pane {
  readonly name = "cost" as const;
  readonly label = "Cost";
  readonly panel = h("div", { className: "pane" });
  private readonly summary = h("div", { className: "cards" });
  private readonly table = h("div");
  private readonly hours: HTMLInputElement;
  private estimate: Estimate | null = null;
  private stale = false;
  private readonly deferred = new DeferredRender(() => this.render());
  private sorts: Partial<Record<Settings["groupBy"], SortState>> = {};

  constructor(private readonly ctx: Context) {
    const hoursId = uid("hours");
    this.hours = h("input", {
      id: hoursId,
      type: "number",
      min: 1,
      max: 744,
      step: "any",
      value: ctx.settings.hoursPerMonth,
      onchange: () => {
        const value = Number(this.hours.value);
        if (!(value > 0 && value <= 744)) {
          this.hours.setCustomValidity("between 1 and 744");
          this.hours.reportValidity();
          return;
        }
        this.hours.setCustomValidity("");
        ctx.settings.hoursPerMonth = value;
        ctx.settingsChanged("hoursPerMonth");
      },
    });
    const controls = h(
      "div",
      { className: "pane-controls" },
      segmented(
        "amounts",
        "Amounts",
        [
          { value: "monthly", label: "Monthly" },
          { value: "hourly", label: "Hourly" },
        ],
        ctx.settings.amounts,
        (value) => {
          ctx.settings.amounts = value;
          ctx.settingsChanged("amounts");
          this.render();
        },
      ),
      h(
        "label",
        { className: "field", for: hoursId },
        h("span", {}, "Hours per month"),
        this.hours,
      ),
      segmented("group-by", "Group by", GROUPS, ctx.settings.groupBy, (value) => {
        ctx.settings.groupBy = value;
        ctx.settingsChanged("groupBy");
        this.render();
      }),
    );
    this.panel.append(controls, this.summary, this.table);
    this.render();
  }

  /** A new estimate (or the last one, stale): drawn now if the pane is shown, else when it is. */
  show(estimate: Estimate | null, stale: boolean): void {
    this.estimate = estimate;
    this.stale = stale;
    if (estimate && Number(this.hours.value) !== estimate.hoursPerMonth && !stale) {
      this.hours.value = String(estimate.hoursPerMonth);
    }
    this.deferred.request();
  }

  shown(): void {
    this.deferred.shown();
  }

  hidden(): void {
    this.deferred.hidden();
  }

  private amountOf(row: { hourly: string | null; monthly: string }): string | null {
    return this.ctx.settings.amounts === "hourly" ? row.hourly : row.monthly;
  }

  private render(): void {
    this.deferred.drawn();
    const estimate = this.estimate;
    this.panel.classList.toggle("is-stale", this.stale);
    if (!estimate) {
      replaceChildren(this.summary);
      replaceChildren(this.table, h("p", { className: "empty" }, "The estimate shows here."));
      return;
    }
    const hourly = this.ctx.settings.amounts === "hourly";
    const currency = estimate.currency;
    const money = (v: string | null) => formatMoney(v, currency);
    const byKind = estimate.rollups.byKind ?? [];
    replaceChildren(
      this.summary,
      h(
        "div",
        { className: "card big" },
        h("div", { className: "label" }, hourly ? "Total per hour" : "Total per month"),
        h(
          "div",
          { className: "value", "data-testid": "cost-total" },
          money(hourly ? estimate.totals.hourly : estimate.totals.monthly),
        ),
        h(
          "div",
          { className: "sub" },
          hourly
            ? `${money(estimate.totals.monthly)} per month`
            : `${money(estimate.totals.hourly)} per hour × ${formatNumber(estimate.hoursPerMonth)} h, plus data`,
          h("br"),
          `catalog ${estimate.catalog.name}, prices of ${estimate.catalog.retrieved}`,
        ),
      ),
      ...byKind
        .slice()
        .sort((a, b) => Number(b.monthly) - Number(a.monthly))
        .slice(0, 2)
        .map((rollup) =>
          h(
            "div",
            { className: "card" },
            h("div", { className: "label" }, rollup.key),
            h("div", { className: "value" }, money(this.amountOf(rollup))),
            h("div", { className: "sub" }, `${rollup.lines} line${rollup.lines === 1 ? "" : "s"}`),
          ),
        ),
    );
    const group = this.ctx.settings.groupBy;
    const onSort = (sort: SortState) => {
      this.sorts[group] = sort;
    };
    const amountLabel = hourly ? "Per hour" : "Per month";
    if (group === "lines") {
      const columns: Column<EstimateLine>[] = [
        {
          label: "Resource",
          kind: "text",
          value: (l) => `${l.account}/${l.vpc ?? ""}/${l.resource}`,
          cell: (l) =>
            h(
              "span",
              {},
              h("span", { className: "id" }, l.resource),
              h("br"),
              h("span", { className: "muted" }, [l.account, l.vpc].filter(Boolean).join(" / ")),
            ),
        },
        {
          label: "What",
          kind: "text",
          value: (l) => l.description,
          cell: (l) =>
            h(
              "span",
              {},
              l.description,
              h("br"),
              h("span", { className: "muted" }, [l.kind, l.tier].filter(Boolean).join(" · ")),
            ),
        },
        {
          label: "Quantity",
          kind: "number",
          value: (l) => l.quantity,
          cell: (l) => `${formatNumber(l.quantity)} ${l.unit}`,
        },
        {
          label: "Rate",
          kind: "number",
          value: (l) => l.rate,
          cell: (l) => `${money(l.rate)} / ${l.unit}`,
        },
        {
          label: amountLabel,
          kind: "number",
          value: (l) => this.amountOf(l),
          cell: (l) =>
            hourly && l.hourly === null
              ? h("span", { className: "muted", title: "billed per GB, monthly" }, "per GB")
              : money(this.amountOf(l)),
        },
      ];
      replaceChildren(
        this.table,
        dataTable(columns, estimate.lines, {
          caption: `The ${estimate.lines.length} lines of the estimate`,
          sort: this.sorts.lines ?? null,
          onSort,
          footer: [
            `${estimate.lines.length} lines`,
            "",
            "",
            "Total",
            money(hourly ? estimate.totals.hourly : estimate.totals.monthly),
          ],
        }),
      );
      return;
    }
    const rollups: Rollup[] = estimate.rollups[group as RollupName] ?? [];
    const max = Math.max(0, ...rollups.map((r) => Math.abs(Number(this.amountOf(r) ?? 0))));
    const label = GROUPS.find((g) => g.value === group)?.label ?? group;
    const columns: Column<Rollup>[] = [
      {
        label,
        kind: "text",
        value: (r) => r.key,
        cell: (r) => h("span", { className: "id" }, r.key),
      },
      { label: "Lines", kind: "number", value: (r) => r.lines },
      {
        label: amountLabel,
        kind: "number",
        value: (r) => this.amountOf(r),
        cell: (r) => money(this.amountOf(r)),
      },
      {
        label: "Share",
        kind: "number",
        value: (r) => this.amountOf(r),
        fixed: true,
        cell: (r) =>
          h("span", {
            className: "bar",
            style: `width:${max > 0 ? Math.round((Math.abs(Number(this.amountOf(r) ?? 0)) / max) * 100) : 0}%`,
            "aria-hidden": "true",
          }),
      },
    ];
    replaceChildren(
      this.table,
      group === "byAz"
        ? h(
            "p",
            { className: "muted", style: "margin:0 0 8px;font-size:13px" },
            "Lines with an AZ (ENI and NAT hours); data and other regional charges have none.",
          )
        : null,
      dataTable(columns, rollups, {
        caption: `The estimate by ${label}`,
        sort: this.sorts[group] ?? { column: 2, direction: "descending" },
        onSort,
      }),
    );
  }
}
