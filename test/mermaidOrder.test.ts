import { describe, expect, it } from "vitest";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { renderMermaid } from "../src/diagram/mermaid/renderMermaid.js";
import { browserRequired, findChromium, useBrowserPage } from "./helpers/browser.js";
import { exampleTopology } from "./helpers/examples.js";

/** The AZ subgraph ids of `text` in the order they are declared. */
function declaredAzs(text: string): string[] {
  return [...text.matchAll(/subgraph (g_az_\w+)\[/g)].map((m) => m[1] ?? "");
}

function mermaidOf(name: string, detail: "azs" | "subnets" = "azs"): string {
  return renderMermaid(toGraph(exampleTopology(name), { detail }));
}

describe("Mermaid AZ order", () => {
  it("declares a VPC's AZ subgraphs last-first, as Mermaid lays sibling subgraphs out reversed", () => {
    expect(declaredAzs(mermaidOf("prod"))).toEqual([
      "g_az_app_vpc_eu_west_2c",
      "g_az_app_vpc_eu_west_2b",
      "g_az_app_vpc_eu_west_2a",
    ]);
    // nodes keep their places: the VPC's own nodes come before its AZs
    const text = mermaidOf("prod");
    expect(text.indexOf("n_workload_app_vpc_app[")).toBeLessThan(
      text.indexOf("subgraph g_az_app_vpc_eu_west_2c["),
    );
  });
});

// Skips only when no Chromium exists and LINKPLAN_REQUIRE_BROWSER is not "1".
const noBrowser = findChromium() === null && !browserRequired;

/** Browser-side: draw with mermaid.render and give each cluster's id (without prefix) and x. */
const CLUSTER_X = `async (src) => {
  window.mermaid.initialize({ startOnLoad: false });
  const { svg } = await window.mermaid.render("d" + Math.random().toString(36).slice(2), src);
  document.body.innerHTML = svg;
  return [...document.querySelectorAll("g.cluster")].map((g) => [
    g.id.replace(/^d[a-z0-9]+-/, ""),
    g.getBoundingClientRect().x,
  ]);
}`;

describe.skipIf(noBrowser)("Mermaid AZ order drawn in headless Chromium", () => {
  const page = useBrowserPage({ mermaid: true });

  // these drew 2c, 2a, 2b / 1c, 1b, 1a / 2b, 2a before
  for (const [name, vpc] of [
    ["prod", "app_vpc"],
    ["endpoints-module", "main_vpc"],
    ["consumer-provider", "consumer_vpc"],
  ] as const) {
    it(`${name}: the AZs of ${vpc} are drawn left to right in the topology's order`, async () => {
      const text = mermaidOf(name);
      const x = new Map(
        (await page().evaluate(`(${CLUSTER_X})(${JSON.stringify(text)})`)) as [string, number][],
      );
      const azs = exampleTopology(name)
        .accounts.flatMap((a) => a.vpcs)
        .find((v) => v.id.replace(/-/g, "_") === vpc)?.azs;
      const xs = (azs ?? []).map((az) => x.get(`g_az_${vpc}_${az.replace(/-/g, "_")}`));
      expect(xs.length).toBeGreaterThan(1);
      for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1] ?? 0);
    });
  }
});
