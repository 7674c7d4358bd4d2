import { getJson, withQuery } from "../apiClient.js";
import type { BreakEven } from "../apiTypes.js";
import { breakEvenChart, breakEvenSeries } from "../breakEvenChart.js";
import type { Context, Pane } from "../context.js";
import { type Column, dataTable } from "../dataTable.js";
import { documentData, firstVpc } from "../documentData.js";
import { h, replaceChildren, uid } from "../dom.js";
import { LatestOnly } from "../latestOnly.js";
import { formatMoney, formatNumber } from "../money.js";

type Service = BreakEven["services"][number];

/**
 * Break-even: from how many GB a month an endpoint is cheaper than sending the same
 * traffic through a NAT gateway (GET /v1/breakeven), drawn as a chart.
 */
export class BreakEvenPane implements Pane {
  readonly name = "breakeven" as const;
  readonly label = "Break-even";
  readonly panel = h("div", { className: "pane" });
  private readonly region: HTMLSelectElement;
  private readonly azs: HTMLInputElement;
  private readonly services: HTMLInputElement;
  private readonly results = h("div", { "aria-live": "polite" });
  private readonly runner: LatestOnly<string>;
  private regionsLoaded = false;
  private defaulted = false;

  constructor(private readonly ctx: Context) {
    this.runner = new LatestOnly((query, signal) => this.load(query, signal));
    const ids = { region: uid("be-region"), azs: uid("be-azs"), services: uid("be-services") };
    const rerun = () => this.runner.schedule(this.query());
    this.region = h(
      "select",
      { id: ids.region, onchange: rerun },
      h("option", { value: "us-east-1" }, "us-east-1"),
    );
    this.azs = h("input", {
      id: ids.azs,
      type: "number",
      min: 1,
      max: 6,
      step: 1,
      value: 3,
      oninput: rerun,
    });
    this.services = h("input", {
      id: ids.services,
      type: "text",
      value: "ecr.api, ecr.dkr, logs, sts, s3",
      size: 30,
      oninput: rerun,
    });
    this.panel.append(
      h(
        "div",
        { className: "pane-controls" },
        h("label", { className: "field", for: ids.region }, h("span", {}, "Region"), this.region),
        h("label", { className: "field", for: ids.azs }, h("span", {}, "AZs"), this.azs),
        h(
          "label",
          { className: "field", for: ids.services },
          h("span", {}, "Services"),
          this.services,
        ),
      ),
      this.results,
    );
  }

  async shown(): Promise<void> {
    if (!this.defaulted) {
      this.defaulted = true;
      const parsed = documentData(this.ctx.editor.text(), "topology");
      const vpc = parsed.ok ? firstVpc(parsed.data) : null;
      if (vpc) this.azs.value = String(vpc.azs);
      await this.loadRegions(vpc?.region);
    }
    this.runner.runNow(this.query());
  }

  private async loadRegions(preferred: string | undefined): Promise<void> {
    if (this.regionsLoaded) return;
    const result = await getJson<{ regions: string[] }>("/v1/catalog/regions");
    if (!result.ok) return;
    this.regionsLoaded = true;
    const current =
      preferred && result.value.regions.includes(preferred) ? preferred : this.region.value;
    this.region.replaceChildren(
      ...result.value.regions.map((r) => h("option", { value: r, selected: r === current }, r)),
    );
  }

  private query(): string {
    const services = this.services.value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .join(",");
    return withQuery("/v1/breakeven", {
      region: this.region.value,
      azs: Math.max(1, Math.round(Number(this.azs.value) || 1)),
      services: services || undefined,
      hoursPerMonth: this.ctx.settings.hoursPerMonth,
    });
  }

  private async load(query: string, signal: AbortSignal): Promise<void> {
    this.ctx.busy(1);
    try {
      const result = await getJson<BreakEven>(query, signal);
      if (signal.aborted) return;
      if (!result.ok) {
        replaceChildren(
          this.results,
          h(
            "div",
            { className: "banner", role: "status" },
            h("strong", {}, "No figures: "),
            result.problem.detail,
            result.problem.errors?.length
              ? h(
                  "ul",
                  {},
                  ...result.problem.errors.map((e) => h("li", {}, `${e.path}: ${e.message}`)),
                )
              : null,
          ),
        );
        this.ctx.rendered("breakeven", false);
        return;
      }
      this.render(result.value);
      this.ctx.rendered("breakeven", true);
    } finally {
      this.ctx.busy(-1);
    }
  }

  private render(data: BreakEven): void {
    const chart = h("div", { "data-testid": "breakeven-chart" });
    // the chart's text is escaped by breakEvenChart; it holds no script
    chart.innerHTML = breakEvenChart(data);
    const series = breakEvenSeries(data);
    const columns: Column<Service>[] = [
      {
        label: "Service",
        kind: "text",
        value: (s) => s.service,
        cell: (s) => h("span", { className: "id" }, s.service),
      },
      { label: "Endpoint", kind: "text", value: (s) => s.endpoint },
      {
        label: "Fixed per month",
        kind: "number",
        value: (s) => s.fixedMonthly,
        cell: (s) => formatMoney(s.fixedMonthly),
      },
      {
        label: "Saved per GB",
        kind: "number",
        value: (s) => s.savingPerGb,
        cell: (s) => formatMoney(s.savingPerGb),
      },
      {
        label: "Break-even GB/month",
        kind: "number",
        value: (s) => s.gbPerMonth,
        cell: (s) => (s.gbPerMonth === null ? "never" : formatNumber(s.gbPerMonth)),
      },
      {
        label: "per AZ",
        kind: "number",
        value: (s) => s.gbPerMonthPerAz,
        cell: (s) => (s.gbPerMonthPerAz === null ? "—" : formatNumber(s.gbPerMonthPerAz)),
      },
    ];
    replaceChildren(
      this.results,
      h(
        "ul",
        { className: "legend", "aria-hidden": "true" },
        ...series.map((s) => h("li", { className: s.kind }, s.label)),
      ),
      chart,
      h(
        "p",
        { className: "muted", style: "font-size:12px" },
        `Interface endpoints: ${data.azs} ENI${data.azs === 1 ? "" : "s"} × ${formatNumber(data.hoursPerMonth)} hours plus ${formatMoney(data.rates.interfaceEndpointGb)} per GB; NAT gateway data processing ${formatMoney(data.rates.natGatewayGb)} per GB (the NAT gateway's own hours are paid either way). Catalog prices of ${data.catalog?.retrieved ?? "?"}.`,
      ),
      dataTable(columns, data.services, { caption: "Break-even by service" }),
    );
  }
}
