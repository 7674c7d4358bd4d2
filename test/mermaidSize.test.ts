import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { walkItems } from "../src/diagram/graph/diagramGraph.js";
import { splitByAccount } from "../src/diagram/graph/splitByAccount.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import {
  MERMAID_MAX_TEXT_SIZE,
  mermaidSizeWarning,
} from "../src/diagram/mermaid/mermaidSizeWarning.js";
import { useApp } from "./helpers/apiKit.js";
import { examplePath, exampleTopology } from "./helpers/examples.js";
import { parseMermaid, parseMermaidFlowchart } from "./helpers/mermaidParse.js";
import { runCliCapture } from "./helpers/runCliCapture.js";
import { gatewayVpcs } from "./helpers/scaleTopologies.js";
import { scratchDir } from "./helpers/scratchDir.js";

const scratch = scratchDir("mermaid-size");
/** 200 VPCs in 10 accounts: about 67,000 characters of Mermaid, 6,700 per account. */
const LARGE = JSON.stringify(gatewayVpcs(200, 2));
const largeFile = scratch.write("large.json", LARGE);

describe("mermaidSizeWarning", () => {
  it("warns past Mermaid's 50,000 characters, in one ASCII line naming the size", () => {
    expect(mermaidSizeWarning("x".repeat(MERMAID_MAX_TEXT_SIZE))).toBeNull();
    const warning = mermaidSizeWarning("x".repeat(MERMAID_MAX_TEXT_SIZE + 1)) ?? "";
    expect(warning).toContain("50,001 characters");
    expect(warning).toContain("--split account");
    expect(warning).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe("diagram --format mermaid over 50,000 characters", () => {
  it("writes the diagram, warns once on stderr and exits 0", async () => {
    const result = await runCliCapture(["diagram", largeFile, "--format", "mermaid"]);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(MERMAID_MAX_TEXT_SIZE);
    expect(result.stderr).toBe(`warning: ${mermaidSizeWarning(result.stdout)}\n`);
    const small = await runCliCapture(["diagram", examplePath("prod"), "--format", "mermaid"]);
    expect(small.stderr).toBe("");
  });

  const app = useApp();
  it("POST /v1/diagram answers it with a Linkplan-Warning header", async () => {
    const res = await app().inject({
      method: "POST",
      url: "/v1/diagram?format=mermaid",
      headers: { "content-type": "application/json" },
      payload: LARGE,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["linkplan-warning"]).toBe(mermaidSizeWarning(res.body));
    const svg = await app().inject({
      method: "POST",
      url: "/v1/diagram?format=svg",
      headers: { "content-type": "application/json" },
      payload: LARGE,
    });
    expect(svg.headers["linkplan-warning"]).toBeUndefined();
  });
});

describe("diagram --split account", () => {
  it("writes one Mermaid diagram per account into a directory, each one Mermaid draws", async () => {
    const result = await runCliCapture([
      "diagram",
      largeFile,
      "--format",
      "mermaid",
      "--split",
      "account",
      "-o",
      scratch.path("split/"),
    ]);
    expect(result.code, result.stderr).toBe(0);
    const files = readdirSync(scratch.path("split")).sort();
    expect(files).toEqual(Array.from({ length: 10 }, (_, i) => `a${i}.mmd`).sort());
    expect(result.stderr).not.toContain("warning");
    for (const file of files) {
      const text = readFileSync(scratch.path(`split/${file}`), "utf8");
      expect(text.length).toBeLessThan(MERMAID_MAX_TEXT_SIZE);
      await parseMermaid(text);
      expect(text).toContain(`subgraph g_account_${file.replace(".mmd", "")}[`);
    }
  });

  it("names files after a prefix and draws the peer of a cross-account edge as a stand-in", async () => {
    const result = await runCliCapture([
      "diagram",
      examplePath("consumer-provider"),
      "--format",
      "mermaid",
      "--split",
      "account",
      "-o",
      scratch.path("cp.mmd"),
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      `wrote ${scratch.path("cp-consumer.mmd")}\nwrote ${scratch.path("cp-provider.mmd")}\n`,
    );
    const consumer = await parseMermaidFlowchart(
      readFileSync(scratch.path("cp-consumer.mmd"), "utf8"),
    );
    const peers = consumer.subgraphs.find((s) => s.id === "g_peers_account_provider");
    expect(peers?.title).toBe("Provider account · 444455556666 · in its own diagram");
    expect(peers?.nodes).toEqual(["n_endpoint_service_your_service"]);
    expect(consumer.edges.map((e) => `${e.start} ${e.end}`)).toContain(
      "n_endpoint_consumer_vpc_your_service n_endpoint_service_your_service",
    );
    await parseMermaid(readFileSync(scratch.path("cp-provider.mmd"), "utf8"));
  });

  it("splits ASCII and SVG the same way", async () => {
    for (const [format, ext] of [
      ["ascii", "txt"],
      ["svg", "svg"],
    ] as const) {
      const out = scratch.path(`${format}/`);
      const args = ["--format", format, "--split", "account", "-o", out];
      const result = await runCliCapture(["diagram", examplePath("consumer-provider"), ...args]);
      expect(result.code, result.stderr).toBe(0);
      expect(readdirSync(out).sort()).toEqual([`consumer.${ext}`, `provider.${ext}`]);
    }
  });

  it("needs -o and refuses --compare (exit 2)", async () => {
    const file = examplePath("consumer-provider");
    const noOutput = await runCliCapture(["diagram", file, "--split", "account"]);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain("-o");
    const compare = await runCliCapture([
      ...["diagram", file, "--split", "account", "--compare", file],
      ...["-o", scratch.path("c/")],
    ]);
    expect(compare.code).toBe(2);
    expect(compare.stderr).toContain("--compare");
    const other = await runCliCapture(["diagram", file, "--split", "vpc", "-o", scratch.dir]);
    expect(other.code).toBe(2);
  });
});

describe("splitByAccount", () => {
  it("keeps every edge in the parts of its ends' accounts, every end drawn, ids unique", () => {
    for (const name of ["shared-services", "consumer-provider", "provider-service", "spokes"]) {
      for (const detail of ["vpcs", "azs"] as const) {
        const graph = toGraph(exampleTopology(name), { detail });
        const parts = splitByAccount(graph);
        expect(parts.map((p) => `account:${p.account}`)).toEqual(
          graph.items.filter((i) => i.type === "group" && i.kind === "account").map((i) => i.id),
        );
        for (const { graph: part } of parts) {
          const ids = [...walkItems(part.items)].map((i) => i.item.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const e of part.edges) expect(ids).toEqual(expect.arrayContaining([e.from, e.to]));
        }
        const kept = new Set(parts.flatMap((p) => p.graph.edges.map((e) => e.id)));
        expect(kept.size).toBe(graph.edges.length);
      }
    }
  });
});
