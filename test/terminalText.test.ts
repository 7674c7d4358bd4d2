import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compare } from "../src/compare/compare.js";
import { terminalLines, terminalText } from "../src/core/terminalText.js";
import { drawTopology } from "../src/diagram/drawTopology.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { estimateToJson } from "../src/report/estimateJson.js";
import { estimateJsonChunks } from "../src/report/estimateJsonChunks.js";
import { formatComparisonMarkdown } from "../src/report/formatComparisonMarkdown.js";
import { formatComparisonTable } from "../src/report/formatComparisonTable.js";
import { formatEstimateCsv } from "../src/report/formatEstimateCsv.js";
import { formatEstimateMarkdown } from "../src/report/formatEstimateMarkdown.js";
import { formatEstimateTable } from "../src/report/formatEstimateTable.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { exampleTopology, exampleYaml } from "./helpers/examples.js";
import { runCliCapture } from "./helpers/runCliCapture.js";
import { scratchDir } from "./helpers/scratchDir.js";

/** Characters a terminal acts on or that hide/reorder text, found raw in `text`. */
function unsafeRaw(text: string, allowed = "\n"): string[] {
  return [...text].filter(
    (ch) =>
      !allowed.includes(ch) &&
      /[\p{Cc}\p{Cs}\u061C\u200B\u200C\u200E\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/u.test(ch),
  );
}

const HOSTILE_NAME =
  "esc\u001b[31mred \u001b]0;pwned\u0007 back\bspace cr\rlf\nrtl\u202Eevil zw\u200Bsp bom\uFEFF c1\u0085";

function topology(name: string) {
  return parseTopology({
    name,
    accounts: [
      {
        id: "acct",
        vpcs: [
          {
            id: "vpc",
            region: "us-east-1",
            azs: ["us-east-1a"],
            endpoints: [{ id: "ep", type: "interface", service: "sqs", gbPerMonth: 10 }],
          },
        ],
      },
    ],
  });
}

describe("terminalText", () => {
  it("escapes controls, escape sequences, bidi and zero-width characters", () => {
    expect(terminalText("a\u001b[31mb")).toBe("a\\u001b[31mb");
    expect(terminalText("\u001b]0;title\u0007")).toBe("\\u001b]0;title\\u0007");
    expect(terminalText("tab\tnl\ncr\rbs\b")).toBe("tab\\tnl\\ncr\\rbs\\u0008");
    expect(terminalText("\u202Eevil\u2066x\u2069")).toBe("\\u202eevil\\u2066x\\u2069");
    expect(terminalText("z\u200Bw\u200Cj\u2060k\uFEFF")).toBe("z\\u200bw\\u200cj\\u2060k\\ufeff");
    expect(terminalText("c1\u0085\u009B")).toBe("c1\\u0085\\u009b");
    expect(terminalText("lone \uD800 surrogate")).toBe("lone \\ud800 surrogate");
    expect(terminalText("del\u007F")).toBe("del\\u007f");
  });

  it("keeps ordinary text, CJK and emoji, joined emoji included", () => {
    for (const text of ["prod-vpc (eu-west-2)", "東京 🚀 ✅", "family 👨‍👩‍👧 ok", "café"]) {
      expect(terminalText(text)).toBe(text);
    }
    expect(terminalText("word\u200Djoiner")).toBe("word\\u200djoiner");
  });

  it("terminalLines keeps line breaks and escapes the rest", () => {
    expect(terminalLines("one\u001b\ntwo\u202E\n")).toBe("one\\u001b\ntwo\\u202e\n");
  });
});

describe("text reports never pass user text raw to a terminal", () => {
  const priced = estimate(topology(HOSTILE_NAME), bundledCatalog());

  it("estimate table, markdown and CSV", () => {
    const table = formatEstimateTable(priced);
    expect(unsafeRaw(table)).toEqual([]);
    expect(table.split("\n")[0]).toBe(
      "esc\\u001b[31mred \\u001b]0;pwned\\u0007 back\\u0008space cr\\rlf\\nrtl\\u202eevil zw\\u200bsp bom\\ufeff c1\\u0085 — monthly estimate in USD (730 hours/month, catalog bundled 2026-11-20)",
    );
    expect(unsafeRaw(formatEstimateMarkdown(priced))).toEqual([]);
    expect(unsafeRaw(formatEstimateCsv(priced), "\r\n")).toEqual([]);
  });

  it("comparison table and markdown", () => {
    const comparison = compare(topology("plain"), topology(HOSTILE_NAME), bundledCatalog());
    const table = formatComparisonTable(comparison);
    expect(unsafeRaw(table)).toEqual([]);
    expect(table.split("\n")[0]).toContain("plain → esc\\u001b[31mred");
    expect(unsafeRaw(formatComparisonMarkdown(comparison))).toEqual([]);
  });

  it("SVG titles and Mermaid titles drop bidi and zero-width characters", () => {
    const t = topology("a\u202Eb\u200Bc\u2066d\u2069e\uFEFFf");
    const svg = drawTopology(t, { format: "svg" });
    expect(svg).toContain("<title id=");
    expect(svg).toMatch(/>abcdef<\/title>/);
    expect(unsafeRaw(svg, "\n")).toEqual([]);
    const mermaid = drawTopology(t, { format: "mermaid" });
    expect(mermaid).toContain('title: "abcdef"');
    expect(unsafeRaw(mermaid, "\n")).toEqual([]);
  });
});

describe("CLI errors quote user text escaped", () => {
  const dir = scratchDir("tt").dir;

  it("unknown keys and file names", async () => {
    const file = join(dir, "bad\u202Efile\u001b[2J.yaml");
    writeFileSync(file, "name: x\naccounts: []\n\u001b[31mkey\u202E: 1\n");
    const result = await runCliCapture(["estimate", file]);
    expect(result.code).toBe(1);
    expect(unsafeRaw(result.stderr)).toEqual([]);
    expect(result.stderr).toContain("\\u001b[31mkey\\u202e");
    const missing = await runCliCapture(["estimate", join(dir, "gone\u202E\u001b.yaml")]);
    expect(missing.code).toBe(1);
    expect(unsafeRaw(missing.stderr)).toEqual([]);
    expect(missing.stderr).toContain("gone\\u202e\\u001b.yaml");
  });

  it("estimate --format table over the CLI", async () => {
    const file = join(dir, "hostile.yaml");
    writeFileSync(
      file,
      `name: ${JSON.stringify(HOSTILE_NAME)}\n${exampleYaml("endpoints-module").replace(/^name: .*$/m, "")}`,
    );
    const result = await runCliCapture(["estimate", file]);
    expect(result.code).toBe(0);
    expect(unsafeRaw(result.stdout)).toEqual([]);
    expect(result.stdout).toContain("rtl\\u202eevil");
  });
});

describe("estimateJsonChunks", () => {
  it("writes exactly JSON.stringify(estimateToJson(e), null, 2) in chunks", () => {
    for (const name of ["endpoints-module", "prod", "consumer-provider", "shared-services"]) {
      const priced = estimate(exampleTopology(name), bundledCatalog());
      expect([...estimateJsonChunks(priced)].join("")).toBe(
        `${JSON.stringify(estimateToJson(priced), null, 2)}\n`,
      );
    }
    const empty = estimate(
      parseTopology({ name: "empty", accounts: [{ id: "a", vpcs: [] }] }),
      bundledCatalog(),
    );
    expect([...estimateJsonChunks(empty)].join("")).toBe(
      `${JSON.stringify(estimateToJson(empty), null, 2)}\n`,
    );
  });

  it("never builds one string per estimate: chunks stay near 64 KiB", () => {
    const vpcs = Array.from({ length: 60 }, (_, v) => ({
      id: `vpc-${v}`,
      region: "us-east-1",
      azs: ["us-east-1a", "us-east-1b", "us-east-1c"],
      endpoints: ["sqs", "sns", "logs", "ecr.api", "ecr.dkr"].map((service) => ({
        id: service.replace(".", "-"),
        type: "interface",
        service,
        gbPerMonth: 10,
      })),
    }));
    const priced = estimate(
      parseTopology({ name: "many", accounts: [{ id: "a", vpcs }] }),
      bundledCatalog(),
    );
    const chunks = [...estimateJsonChunks(priced)];
    expect(chunks.length).toBeGreaterThan(5);
    const longest = Math.max(...chunks.map((c) => c.length));
    expect(longest).toBeLessThan(64 * 1024 + 4096);
    expect(chunks.join("")).toBe(`${JSON.stringify(estimateToJson(priced), null, 2)}\n`);
  });
});
