import { describe, expect, it } from "vitest";
import type { BreakEven } from "../../playground/src/apiTypes.js";
import { breakEvenChart, breakEvenSeries, niceCeil } from "../../playground/src/breakEvenChart.js";
import { describeSvg } from "../../playground/src/diagramFormats.js";
import { formatMoney, formatNumber } from "../../playground/src/money.js";
import { sortRows } from "../../playground/src/sortRows.js";
import { breakEven } from "../../src/compare/breakEven.js";
import { breakEvenToJson } from "../../src/report/breakEvenJson.js";

describe("amounts as the page shows them (the API's exact strings, never recomputed)", () => {
  it("keeps every digit, groups thousands, shows at least cents", () => {
    expect(formatMoney("284.70")).toBe("$284.70");
    expect(formatMoney("82.127")).toBe("$82.127");
    expect(formatMoney("1234567.5")).toBe("$1,234,567.50");
    expect(formatMoney("0")).toBe("$0.00");
    expect(formatMoney("-72.67333336")).toBe("−$72.67333336");
    expect(formatMoney("179.493", "USD", true)).toBe("+$179.493");
    expect(formatMoney("0.00", "USD", true)).toBe("$0.00");
    expect(formatMoney("12.5", "CHF")).toBe("12.50 CHF");
    expect(formatMoney(null)).toBe("—");
    expect(formatNumber("625.714286")).toBe("625.714286");
    expect(formatNumber("12000")).toBe("12,000");
    expect(formatNumber(730)).toBe("730");
  });
});

describe("sorting a table's rows", () => {
  const rows = [
    { k: "us-east-1b", v: "8.03" },
    { k: "us-east-1a", v: "100.5" },
    { k: "us-east-1c", v: null },
    { k: "us-east-1a", v: "9" },
  ];
  it("compares decimal strings as numbers, missing values last, equal rows in their order", () => {
    expect(sortRows(rows, (r) => r.v, "number", "descending").map((r) => r.v)).toEqual([
      "100.5",
      "9",
      "8.03",
      null,
    ]);
    expect(sortRows(rows, (r) => r.v, "number", "ascending").map((r) => r.v)).toEqual([
      "8.03",
      "9",
      "100.5",
      null,
    ]);
    expect(sortRows(rows, (r) => r.k, "text", "ascending").map((r) => r.v)).toEqual([
      "100.5",
      "9",
      "8.03",
      null,
    ]);
  });
  it("orders numeric parts of text naturally", () => {
    const names = [{ k: "vpc-10" }, { k: "vpc-2" }, { k: "vpc-1" }];
    expect(sortRows(names, (r) => r.k, "text", "ascending").map((r) => r.k)).toEqual([
      "vpc-1",
      "vpc-2",
      "vpc-10",
    ]);
  });
});

/** What GET /v1/breakeven?region=us-east-1&services=ecr.api,sts,s3 answers (the server's own code). */
const BREAK_EVEN: BreakEven = breakEvenToJson(
  breakEven({ region: "us-east-1", azs: 3, services: ["ecr.api", "sts", "s3"] }),
);

describe("the break-even chart (drawn by the page from the API's figures)", () => {
  it("has one line for NAT and one per distinct endpoint line, services sharing one", () => {
    const series = breakEvenSeries(BREAK_EVEN);
    expect(series.map((s) => [s.label, s.fixed, s.perGb.toFixed(3), s.breakEvenGb])).toEqual([
      ["NAT gateway", 0, "0.045", 0],
      ["Interface endpoint: ecr.api, sts", 21.9, "0.010", 625.714286],
      ["Gateway endpoint: s3", 0, "0.000", 0],
    ]);
  });

  it("marks the break-even point where the endpoint's line meets NAT's, and describes itself", () => {
    const svg = breakEvenChart(BREAK_EVEN, 640, 320);
    expect(svg).toContain('role="img"');
    expect(svg).toContain("cheaper than NAT above 625.7 GB per month");
    expect(svg).toContain("cheaper than NAT from the first GB");
    const circles = [...svg.matchAll(/<circle class="crossing" cx="([\d.]+)" cy="([\d.]+)"/g)];
    expect(circles).toHaveLength(1);
    // x axis 0…niceCeil(2 × 625.7) = 2,000 GB over 640 − 72 − 20 px
    const cx = Number(circles[0]?.[1]);
    expect(cx).toBeCloseTo(72 + (625.714286 / 2000) * 548, 0);
  });

  it("escapes service names", () => {
    const svg = breakEvenChart({
      ...BREAK_EVEN,
      services: [
        {
          ...BREAK_EVEN.services[0],
          service: '<script>"x"</script>',
        } as BreakEven["services"][number],
      ],
    });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
  });

  it("rounds axes up to nice numbers", () => {
    expect([0, 0.7, 1, 3, 7, 12, 1251.4, 20_000].map(niceCeil)).toEqual([
      1, 1, 1, 5, 10, 20, 2000, 20_000,
    ]);
  });
});

describe("the diagram's text alternative", () => {
  it("is the SVG's own title and description, entities decoded", () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg"><title id="t">a &amp; b &#x4E2D; &lt;x&gt;</title>\n<desc id="d">Network diagram with 3 groups.</desc><g/></svg>';
    expect(describeSvg(svg)).toBe("Diagram of a & b 中 <x>. Network diagram with 3 groups.");
    expect(describeSvg("<svg/>")).toBe("");
  });
});
