import type { BreakEven } from "./apiTypes.js";

/** One line of the chart: monthly cost = fixed + perGb × GB per month. */
export interface ChartSeries {
  label: string;
  kind: "nat" | "interface" | "gateway";
  fixed: number;
  perGb: number;
  /** where it meets the NAT line, as the API computed it (GB per month), if it does */
  breakEvenGb: number | null;
}

const esc = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The smallest "nice" number (1, 2, 2.5, 5 × 10ⁿ) at least `value`. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= value - 1e-9 * power) return step * power;
  }
  return 10 * power;
}

const compact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const money = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});

/**
 * The lines the API's break-even figures describe: NAT (its per-GB rate), and per service
 * the endpoint's fixed monthly cost plus what it still charges per GB (NAT's rate less the
 * saving the API gives). Services with the same line share it (every interface endpoint
 * costs the same in a region).
 */
export function breakEvenSeries(data: BreakEven): ChartSeries[] {
  const nat = Number(data.rates.natGatewayGb ?? 0);
  const series: ChartSeries[] = [
    { label: "NAT gateway", kind: "nat", fixed: 0, perGb: nat, breakEvenGb: 0 },
  ];
  const groups = new Map<string, { services: string[]; first: (typeof data.services)[number] }>();
  for (const service of data.services) {
    const key = `${service.endpoint}|${service.fixedMonthly}|${service.savingPerGb}|${service.gbPerMonth}`;
    const group = groups.get(key);
    if (group) group.services.push(service.service);
    else groups.set(key, { services: [service.service], first: service });
  }
  for (const { services, first } of groups.values()) {
    const kind = first.endpoint === "gateway" ? "gateway" : "interface";
    series.push({
      label: `${kind === "gateway" ? "Gateway" : "Interface"} endpoint: ${services.join(", ")}`,
      kind,
      fixed: Number(first.fixedMonthly),
      perGb: Math.max(0, nat - Number(first.savingPerGb)),
      breakEvenGb: first.gbPerMonth === null ? null : Number(first.gbPerMonth),
    });
  }
  return series;
}

/**
 * An SVG line chart of monthly cost against GB per month: NAT against each endpoint line,
 * each break-even point marked. Text is escaped; colours come from CSS classes.
 */
export function breakEvenChart(data: BreakEven, width = 640, height = 320): string {
  const series = breakEvenSeries(data);
  const crossings = series.slice(1).flatMap((s) => (s.breakEvenGb ? [s.breakEvenGb] : []));
  const xMax = niceCeil(crossings.length > 0 ? Math.max(...crossings) * 2 : 1000);
  const yMax = niceCeil(Math.max(1, ...series.map((s) => s.fixed + s.perGb * xMax)));
  const left = 72;
  const right = 20;
  const top = 20;
  const bottom = 48;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (gb: number) => left + (gb / xMax) * plotW;
  const y = (usd: number) => top + plotH - (Math.min(usd, yMax) / yMax) * plotH;
  const f = (n: number) => n.toFixed(1);
  const parts: string[] = [];
  const title = `Break-even in ${data.region}, ${data.azs} AZ${data.azs === 1 ? "" : "s"}`;
  const summary = series
    .slice(1)
    .map((s) =>
      s.breakEvenGb === null
        ? `${s.label}: never cheaper than NAT`
        : s.breakEvenGb === 0
          ? `${s.label}: cheaper than NAT from the first GB`
          : `${s.label}: cheaper than NAT above ${compact.format(s.breakEvenGb)} GB per month`,
    )
    .join("; ");
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="be-title be-desc">`,
    `<title id="be-title">${esc(title)}</title>`,
    `<desc id="be-desc">${esc(`Monthly cost against GB per month. ${summary}.`)}</desc>`,
  );
  for (let i = 0; i <= 5; i++) {
    const gb = (xMax / 5) * i;
    const usd = (yMax / 5) * i;
    parts.push(
      `<line class="grid" x1="${f(x(gb))}" y1="${top}" x2="${f(x(gb))}" y2="${top + plotH}"/>`,
      `<line class="grid" x1="${left}" y1="${f(y(usd))}" x2="${left + plotW}" y2="${f(y(usd))}"/>`,
      `<text class="tick" x="${f(x(gb))}" y="${top + plotH + 16}" text-anchor="middle">${esc(compact.format(gb))}</text>`,
      `<text class="tick" x="${left - 8}" y="${f(y(usd) + 4)}" text-anchor="end">${esc(money.format(usd))}</text>`,
    );
  }
  parts.push(
    `<line class="axis" x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}"/>`,
    `<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}"/>`,
    `<text class="axis-label" x="${left + plotW / 2}" y="${height - 8}" text-anchor="middle">GB per month</text>`,
    `<text class="axis-label" transform="translate(16 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">USD per month</text>`,
  );
  series.forEach((s, i) => {
    // where the line leaves the plot: at xMax, or earlier at yMax
    const endGb = s.perGb > 0 ? Math.min(xMax, (yMax - s.fixed) / s.perGb) : xMax;
    parts.push(
      `<line class="series series-${s.kind} series-${i}" x1="${f(x(0))}" y1="${f(y(s.fixed))}" x2="${f(x(Math.max(0, endGb)))}" y2="${f(y(s.fixed + s.perGb * Math.max(0, endGb)))}"><title>${esc(s.label)}</title></line>`,
    );
    if (i > 0 && s.breakEvenGb !== null && s.breakEvenGb > 0 && s.breakEvenGb <= xMax) {
      const cx = x(s.breakEvenGb);
      const cy = y(s.fixed + s.perGb * s.breakEvenGb);
      parts.push(
        `<circle class="crossing" cx="${f(cx)}" cy="${f(cy)}" r="4.5"><title>${esc(`${s.label}: break-even at ${compact.format(s.breakEvenGb)} GB per month`)}</title></circle>`,
        `<text class="crossing-label" x="${f(cx + 8)}" y="${f(cy - 8)}">${esc(`${compact.format(s.breakEvenGb)} GB`)}</text>`,
      );
    }
  });
  parts.push("</svg>");
  return parts.join("");
}
