import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { check } from "../src/check/check.js";
import type { Finding } from "../src/check/finding.js";
import { renderAscii } from "../src/diagram/ascii/renderAscii.js";
import { drawTopology } from "../src/diagram/drawTopology.js";
import { type DiagramGraph, walkItems } from "../src/diagram/graph/diagramGraph.js";
import { type GraphOptions, toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import { useApp, YAML } from "./helpers/apiKit.js";
import { exampleTopology, exampleYaml } from "./helpers/examples.js";
import { expectGolden } from "./helpers/golden.js";
import { parseMermaidFlowchart } from "./helpers/mermaidParse.js";
import { runCliCapture } from "./helpers/runCliCapture.js";

const BROKEN = exampleTopology("broken");
const FINDINGS = check(BROKEN);

/** The ids of the graph's marked items, with the rules of their findings. */
function marked(graph: DiagramGraph): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { item } of walkItems(graph.items)) {
    if (item.findings) out[item.id] = item.findings.map((f) => f.rule);
  }
  return out;
}

function graphOf(options: GraphOptions, findings: readonly Finding[] = FINDINGS) {
  return toGraph(BROKEN, { ...options, findings });
}

/** A finding of an error rule about `resource` at `path` (what markFindings reads). */
function finding(path: string, resource: string, severity: Finding["severity"] = "error"): Finding {
  return {
    rule: "test-rule",
    severity,
    message: `about ${resource}`,
    fix: "",
    path,
    resource,
    docs: "",
  };
}

describe("diagram --findings: the graph marks what errors are about", () => {
  it("at vpcs detail: endpoints, the hosted zone and the endpoint service of broken.yaml", () => {
    expect(marked(graphOf({}))).toEqual({
      "endpoint:app-vpc/sts": ["private-dns-needs-vpc-dns", "endpoint-sg-blocks-https"],
      "endpoint:app-vpc/sts-again": ["private-dns-needs-vpc-dns", "private-dns-conflict"],
      "endpoint:app-vpc/logs": ["endpoint-sg-blocks-https"],
      "endpoint:app-vpc/orders": ["endpoint-sg-blocks-https", "az-not-served-by-provider"],
      "endpoint:app-vpc/dynamodb": ["gateway-endpoint-route-missing"],
      "endpoint:app-vpc/firewall": ["gwlb-endpoint-one-subnet"],
      "zone:orders-zone": ["phz-not-associated"],
      "endpoint-service:orders-api": ["endpoint-service-open"],
    });
    // warnings and infos mark nothing: s3 has only those
    expect(FINDINGS.some((f) => f.resource === "consumer/app-vpc/s3")).toBe(true);
    // without findings nothing is marked, and items carry no findings member
    expect(marked(toGraph(BROKEN))).toEqual({});
  });

  it("at azs detail an endpoint is drawn as ENIs: each is marked", () => {
    const marks = marked(graphOf({ detail: "azs" }));
    const orders = ["endpoint-sg-blocks-https", "az-not-served-by-provider"];
    expect(marks["eni:app-vpc/orders/eu-west-2a"]).toEqual(orders);
    expect(marks["eni:app-vpc/orders/eu-west-2b"]).toEqual(orders);
    expect(marks["eni:app-vpc/sts/eu-west-2a"]).toEqual([
      "private-dns-needs-vpc-dns",
      "endpoint-sg-blocks-https",
    ]);
    // sts, sts-again, orders and firewall in 2 AZs, logs in 1
    expect(Object.keys(marks).filter((id) => id.startsWith("eni:"))).toHaveLength(9);
    expect(marks["endpoint:app-vpc/orders"]).toBeUndefined();
  });

  it("at accounts detail an endpoint is the account's endpoint summary; hidden zones mark nothing", () => {
    expect(marked(graphOf({ detail: "accounts", hostedZones: false }))).toEqual({
      // one entry per finding: sts's and sts-again's private DNS errors are two
      "endpoints:consumer": [
        "private-dns-needs-vpc-dns",
        "private-dns-needs-vpc-dns",
        "private-dns-conflict",
        "endpoint-sg-blocks-https",
        "endpoint-sg-blocks-https",
        "endpoint-sg-blocks-https",
        "gateway-endpoint-route-missing",
        "az-not-served-by-provider",
        "gwlb-endpoint-one-subnet",
      ],
      "endpoint-service:orders-api": ["endpoint-service-open"],
    });
  });

  it("VPCs, accounts, load balancers, workloads; by path first, by resource when the path names nothing", () => {
    const marks = marked(
      graphOf({}, [
        // endpoint-quota: the VPC's endpoint list
        finding("accounts[0].vpcs[0].endpoints", "consumer/app-vpc"),
        finding("accounts[1]", "provider"),
        finding("accounts[1].vpcs[0].loadBalancers[1].azs", "provider/orders-vpc/beta-nlb"),
        finding("accounts[0].vpcs[0].workloads[0].uses[1]", "consumer/app-vpc/app"),
        // a path of another shape: the resource says what it is
        finding("somewhere.else", "consumer/app-vpc/s3"),
        finding("", "consumer/tools-vpc"),
        // nothing of that name: no mark, no error
        finding("accounts[7].vpcs[0]", "nobody/nowhere/nothing"),
        finding("accounts[0].vpcs[0].endpoints[99]", "consumer/app-vpc/gone"),
        finding("", ""),
        // not an error
        finding("accounts[0].vpcs[1]", "consumer/tools-vpc", "warning"),
      ]),
    );
    expect(marks).toEqual({
      "account:provider": ["test-rule"],
      "vpc:app-vpc": ["test-rule"],
      "vpc:tools-vpc": ["test-rule"],
      "lb:orders-vpc/beta-nlb": ["test-rule"],
      "workload:app-vpc/app": ["test-rule"],
      "endpoint:app-vpc/s3": ["test-rule"],
    });
  });

  it("a load balancer at accounts detail is not drawn: nothing marked", () => {
    const only = [
      finding("accounts[1].vpcs[0].loadBalancers[0]", "provider/orders-vpc/orders-nlb"),
    ];
    expect(marked(graphOf({ detail: "accounts" }, only))).toEqual({});
  });
});

describe("diagram --findings: the drawings", () => {
  it("golden ASCII, Mermaid and SVG of examples/broken.yaml", async () => {
    const draw = (format: "ascii" | "mermaid" | "svg") =>
      drawTopology(BROKEN, { format, findings: FINDINGS });
    const ascii = draw("ascii");
    const mermaid = draw("mermaid");
    const svg = draw("svg");
    expectGolden("diagram/broken.findings.txt", ascii);
    expectGolden("diagram/broken.findings.mmd", mermaid);
    expectGolden("diagram/broken.findings.svg", svg);
    // the CLI draws the same
    for (const [format, text] of [
      ["ascii", ascii],
      ["mermaid", mermaid],
      ["svg", svg],
    ]) {
      const cli = await runCliCapture([
        "diagram",
        "examples/broken.yaml",
        "--findings",
        "-f",
        String(format),
      ]);
      expect(cli).toEqual({ code: 0, stdout: text, stderr: "" });
    }
  });

  it("ASCII: '!' one space after the label of each marked box, every box still closed", () => {
    // groups too (a VPC, an account), and a node whose label is its widest line (the
    // endpoint summary at accounts detail): its box grows by the mark
    const findings = [
      ...FINDINGS,
      finding("accounts[0].vpcs[0].endpoints", "consumer/app-vpc"),
      finding("accounts[1]", "provider"),
    ];
    for (const detail of ["accounts", "vpcs", "azs", "subnets"] as const) {
      const scene = layout(graphOf({ detail }, findings));
      const text = renderAscii(scene);
      const rows = text.split("\n").map((line) => [...line]);
      // the text starts at the scene's first drawn row and column (both 1)
      const at = (x: number, y: number) => rows[y - 1]?.[x - 1] ?? " ";
      const boxes = scene.boxes.filter((b) => b.findings);
      expect(boxes.length).toBeGreaterThan(0);
      for (const box of boxes) {
        const label = [...(box.lines[0] ?? "")];
        const y = box.y + 1;
        const right = box.x + box.width - 1;
        expect(label.map((_, i) => at(box.x + 2 + i, y)).join(""), box.id).toBe(label.join(""));
        expect(at(box.x + 2 + label.length, y), box.id).toBe(" ");
        expect(at(box.x + 3 + label.length, y), box.id).toBe("!");
        expect(box.x + 3 + label.length, box.id).toBeLessThan(right);
        for (let row = box.y + 1; row < box.y + box.height - 1; row++) {
          expect(at(box.x, row), box.id).toMatch(/[│╎├┤┼]/);
          expect(at(right, row), box.id).toMatch(/[│╎├┤┼]/);
        }
      }
      // unmarked boxes have no "!" (broken.yaml's labels have none)
      expect(text.split("!").length - 1).toBe(boxes.length);
    }
  });

  it("Mermaid: class finding (red stroke) on the marked nodes, parsed by mermaid", async () => {
    const chart = await parseMermaidFlowchart(
      drawTopology(BROKEN, { format: "mermaid", findings: FINDINGS }),
    );
    expect(chart.classDefs.get("finding")).toEqual(["stroke:#D13212", "stroke-width:3px"]);
    const withFinding = chart.vertices.filter((v) => v.classes.includes("finding"));
    expect(withFinding.map((v) => v.id).sort()).toEqual(
      [
        "n_endpoint_app_vpc_sts",
        "n_endpoint_app_vpc_sts_again",
        "n_endpoint_app_vpc_logs",
        "n_endpoint_app_vpc_orders",
        "n_endpoint_app_vpc_dynamodb",
        "n_endpoint_app_vpc_firewall",
        "n_zone_orders_zone",
        "n_endpoint_service_orders_api",
      ].sort(),
    );
    // a marked group (subgraph) takes the class too, and still parses
    const vpcMarked = await parseMermaidFlowchart(
      drawTopology(BROKEN, {
        format: "mermaid",
        findings: [finding("accounts[0].vpcs[0].endpoints", "consumer/app-vpc")],
      }),
    );
    expect(vpcMarked.subgraphs.find((s) => s.id === "g_vpc_app_vpc")?.classes).toContain("finding");
  });

  it("SVG: a red badge with a white '!' at each marked box's top-right, its findings as the tooltip", () => {
    for (const theme of ["light", "dark"] as const) {
      const svg = drawTopology(BROKEN, { format: "svg", theme, findings: FINDINGS });
      expect(XMLValidator.validate(svg)).toBe(true);
      const scene = layout(graphOf({}), { icons: true });
      const badges = [
        ...svg.matchAll(
          /<g class="lp-finding" data-finding="([^"]*)"><title>([^<]*)<\/title><circle cx="([\d.]+)" cy="([\d.]+)" r="7"\/><text x="([\d.]+)" y="([\d.]+)">!<\/text><\/g>/g,
        ),
      ];
      const boxes = scene.boxes.filter((b) => b.findings);
      expect(badges.map((b) => b[1])).toEqual(boxes.map((b) => b.id));
      badges.forEach((badge, i) => {
        const box = boxes[i];
        if (!box) return;
        // on the box's top-right corner (its rect runs through the middle of its border cells)
        expect(Number(badge[3])).toBe((box.x + 0.5) * 8 + (box.width - 1) * 8);
        expect(Number(badge[4])).toBe((box.y + 0.5) * 18);
        expect(badge[5]).toBe(badge[3]);
      });
      const fromXml = (text: string) =>
        text.replaceAll("&quot;", '"').replaceAll("&apos;", "'").replaceAll("&amp;", "&");
      const sts = badges.find((b) => b[1] === "endpoint:app-vpc/sts-again");
      expect(fromXml(sts?.[2] ?? "").split("\n")).toEqual([
        'private-dns-needs-vpc-dns: endpoint "sts-again" enables private DNS, but VPC "app-vpc" has enableDnsHostnames off (the AWS default): the service\'s name keeps resolving to its public addresses',
        'private-dns-conflict: endpoints "sts" and "sts-again" of VPC "app-vpc" both enable private DNS for sts: AWS refuses the second (the name already resolves to the first)',
      ]);
      expect(svg).toContain(".lp-finding>circle{fill:#D13212;");
      expect(svg).toContain("; 8 marked with error findings.</desc>");
    }
    // without findings: no badge and no badge style
    expect(drawTopology(BROKEN, { format: "svg" })).not.toContain("lp-finding");
  });
});

describe("diagram --findings: the CLI and the API", () => {
  const app = useApp();

  it("POST /v1/diagram?findings=true draws what the CLI draws, in every format", async () => {
    for (const format of ["ascii", "mermaid", "svg"]) {
      const [cli, api] = await Promise.all([
        runCliCapture(["diagram", "examples/broken.yaml", "--findings", "--format", format]),
        app().inject({
          method: "POST",
          url: `/v1/diagram?findings=true&format=${format}`,
          headers: YAML,
          payload: exampleYaml("broken"),
        }),
      ]);
      expect(api.statusCode).toBe(200);
      expect(api.body).toBe(cli.stdout);
    }
  });

  it("diagram --compare --findings marks what the drawn topology's errors are about", async () => {
    const result = await runCliCapture([
      "diagram",
      "examples/broken.yaml",
      "--compare",
      "examples/dev.yaml",
      "--findings",
      "-f",
      "mermaid",
    ]);
    expect(result.code).toBe(0);
    const chart = await parseMermaidFlowchart(result.stdout);
    expect(chart.vertices.filter((v) => v.classes.includes("finding")).map((v) => v.id)).toContain(
      "n_endpoint_service_orders_api",
    );
  });
});
