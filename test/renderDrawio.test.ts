import { describe, expect, it } from "vitest";
import { check } from "../src/check/check.js";
import { comparisonGraph } from "../src/diagram/drawComparison.js";
import { pixelRect } from "../src/diagram/drawio/drawioEdge.js";
import { renderDrawio } from "../src/diagram/drawio/renderDrawio.js";
import { drawTopology } from "../src/diagram/drawTopology.js";
import { type GraphOptions, toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import type { Scene } from "../src/diagram/layout/scene.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import type { Topology } from "../src/topology/topology.js";
import {
  absolutePosition,
  type DrawioCell,
  type DrawioDocument,
  parseDrawio,
  styleValue,
} from "./helpers/drawioCells.js";
import { EXAMPLE_NAMES, exampleTopology } from "./helpers/examples.js";

/** The Scene drawTopology draws as draw.io: laid out with room for icons, as for the SVG. */
function sceneOf(topology: Topology, options: GraphOptions = {}, icons = true): Scene {
  return layout(toGraph(topology, options), { icons });
}

/** The cell id renderDrawio gives the i-th box of a Scene. */
const boxCellId = (scene: Scene, id: string | null) =>
  id === null ? "1" : `b${scene.boxes.findIndex((box) => box.id === id) + 1}`;

/**
 * Every structural promise of renderDrawio, checked on the parsed file against the Scene:
 * one vertex cell per box, nested as the Scene nests them, at the SVG's pixels; icons and
 * badges as child cells only; one edge cell per edge, between its boxes' cells, leaving
 * and entering them where the route does, turning at right angles.
 */
function expectFaithful(scene: Scene, doc: DrawioDocument): void {
  expect(doc.byId.size, "unique ids").toBe(doc.cells.length);
  for (const cell of doc.cells) {
    const keys = cell.style
      .split(";")
      .filter(Boolean)
      .map((pair) => pair.split("=")[0]);
    expect(new Set(keys).size, `${cell.id}: each style key once`).toBe(keys.length);
  }
  expect(doc.byId.get("0")?.parent).toBeUndefined();
  expect(doc.byId.get("1")?.parent).toBe("0");

  const boxCells = doc.cells.filter((cell) => /^b\d+$/.test(cell.id));
  expect(boxCells.length).toBe(scene.boxes.length);
  scene.boxes.forEach((box, i) => {
    const cell = doc.byId.get(`b${i + 1}`) as DrawioCell;
    expect(cell.vertex).toBe(true);
    expect(cell.parent).toBe(boxCellId(scene, box.parent));
    const rect = pixelRect(box);
    expect(absolutePosition(doc, cell)).toEqual({ x: rect.x, y: rect.y });
    expect([cell.geometry.width, cell.geometry.height]).toEqual([rect.width, rect.height]);
    if (box.role === "group") expect(styleValue(cell.style, "container")).toBe("1");
  });
  // the other vertices are icons and badges inside a box
  for (const cell of doc.cells.filter((c) => c.vertex && !/^b\d+$/.test(c.id))) {
    expect(cell.id).toMatch(/^b\d+-(icon|finding)$/);
    expect(cell.parent).toBe(cell.id.split("-")[0]);
    expect(styleValue(cell.style, "connectable")).toBe("0");
  }

  const drawn = scene.edges.filter((edge) => edge.points.length > 0);
  const edgeCells = doc.cells.filter((cell) => cell.edge);
  expect(edgeCells.map((cell) => cell.id)).toEqual(drawn.map((_, i) => `e${i + 1}`));
  drawn.forEach((edge, i) => {
    const cell = doc.byId.get(`e${i + 1}`) as DrawioCell;
    expect(cell.parent).toBe("1");
    expect(cell.source).toBe(boxCellId(scene, edge.from));
    expect(cell.target).toBe(boxCellId(scene, edge.to));
    const path = [cell.named.sourcePoint, ...cell.points, cell.named.targetPoint];
    for (const [a, b] of path.slice(1).map((p, j) => [path[j], p])) {
      expect(a?.x === b?.x || a?.y === b?.y, `${cell.id} turns at right angles`).toBe(true);
    }
    // draw.io starts and ends the edge where the exit and entry points say: the route's ends
    for (const [end, terminal, point] of [
      ["exit", cell.source, cell.named.sourcePoint],
      ["entry", cell.target, cell.named.targetPoint],
    ] as const) {
      const box = doc.byId.get(terminal as string) as DrawioCell;
      const at = absolutePosition(doc, box);
      const fx = Number(styleValue(cell.style, `${end}X`));
      const fy = Number(styleValue(cell.style, `${end}Y`));
      expect(at.x + fx * box.geometry.width).toBeCloseTo(point?.x ?? Number.NaN, 1);
      expect(at.y + fy * box.geometry.height).toBeCloseTo(point?.y ?? Number.NaN, 1);
    }
    const labelled = edge.label !== null && edge.labelAt !== null;
    expect(cell.value !== "", `${cell.id} labelled`).toBe(labelled);
    expect("offset" in cell.named).toBe(labelled);
  });
}

describe("renderDrawio: every example as draw.io", () => {
  const catalog = bundledCatalog();
  for (const name of EXAMPLE_NAMES) {
    it(`${name}: one cell per node and group, one per edge, as the Scene draws them`, () => {
      const topology = exampleTopology(name);
      for (const [options, icons] of [
        [{ detail: "vpcs" }, true],
        [{ detail: "subnets", estimate: estimate(topology, catalog) }, true],
        [{ detail: "azs" }, false],
      ] as const) {
        const scene = sceneOf(topology, options, icons);
        const doc = parseDrawio(renderDrawio(scene));
        expectFaithful(scene, doc);
        expect(doc.name).toBe(topology.name);
        scene.boxes.forEach((box, i) => {
          expect(doc.byId.get(`b${i + 1}`)?.value).toBe(box.lines.join("\n"));
        });
      }
    });
  }
});

/** Pixel rectangles as "x,y,width,height", sorted: what two drawings can be compared by. */
const sortedRects = (rects: { x: number; y: number; width: number; height: number }[]) =>
  rects.map((r) => [r.x, r.y, r.width, r.height].join(",")).sort();

describe("drawTopology as draw.io: the SVG's picture", () => {
  for (const name of ["consumer-provider", "shared-services", "prod"]) {
    it(`${name}: every box and node icon where the SVG draws it`, () => {
      const topology = exampleTopology(name);
      for (const detail of ["vpcs", "subnets"] as const) {
        const svg = drawTopology(topology, { format: "svg", detail });
        const doc = parseDrawio(drawTopology(topology, { format: "drawio", detail }));
        const attrs = (tag: string) =>
          Object.fromEntries([...tag.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
        const svgBoxes = [...svg.matchAll(/<rect data-box="[^"]*"[^>]*>/g)].map((m) => {
          const a = attrs(m[0]);
          return {
            x: Number(a.x),
            y: Number(a.y),
            width: Number(a.width),
            height: Number(a.height),
          };
        });
        const cells = doc.cells.filter((cell) => /^b\d+$/.test(cell.id));
        const cellRect = (cell: DrawioCell) => ({
          ...absolutePosition(doc, cell),
          width: cell.geometry.width,
          height: cell.geometry.height,
        });
        expect(sortedRects(cells.map(cellRect)), `${name} ${detail}: boxes`).toEqual(
          sortedRects(svgBoxes),
        );
        // node icons are 32 px (group icons, 24 px, are draw.io's group shapes' own)
        const svgIcons = [...svg.matchAll(/<use [^>]*width="32"[^>]*>/g)].map((m) => {
          const a = attrs(m[0]);
          return { x: Number(a.x), y: Number(a.y), width: 32, height: 32 };
        });
        const icons = doc.cells.filter((cell) => cell.id.endsWith("-icon")).map(cellRect);
        expect(sortedRects(icons), `${name} ${detail}: node icons`).toEqual(sortedRects(svgIcons));
      }
    });
  }
});

describe("renderDrawio: AWS shapes and styles", () => {
  const topology = exampleTopology("consumer-provider");
  const scene = sceneOf(topology, { detail: "subnets" });
  const doc = parseDrawio(renderDrawio(scene));
  const cellOf = (kind: string) =>
    doc.byId.get(
      boxCellId(scene, scene.boxes.find((b) => b.kind === kind)?.id ?? ""),
    ) as DrawioCell;

  it("groups are draw.io's AWS groups with their icons; AZs dashed rectangles", () => {
    expect(styleValue(cellOf("account").style, "grIcon")).toBe("mxgraph.aws4.group_account");
    expect(styleValue(cellOf("region").style, "grIcon")).toBe("mxgraph.aws4.group_region");
    expect(styleValue(cellOf("vpc").style, "grIcon")).toBe("mxgraph.aws4.group_vpc2");
    expect(styleValue(cellOf("subnet").style, "grIcon")).toBe("mxgraph.aws4.group_security_group");
    expect(styleValue(cellOf("az").style, "shape")).toBeUndefined();
    expect(styleValue(cellOf("az").style, "dashed")).toBe("1");
  });

  it("nodes carry an aws4 icon of their kind; labels are plain text", () => {
    const iconOf = (kind: string) => doc.byId.get(`${cellOf(kind).id}-icon`)?.style ?? "";
    expect(styleValue(iconOf("interface-endpoint"), "shape")).toBe("mxgraph.aws4.endpoints");
    expect(styleValue(iconOf("load-balancer"), "shape")).toBe("mxgraph.aws4.network_load_balancer");
    expect(styleValue(iconOf("endpoint-service"), "resIcon")).toBe("mxgraph.aws4.vpc_privatelink");
    for (const cell of doc.cells) expect(styleValue(cell.style, "html")).toBeUndefined();
  });

  it("PrivateLink edges are purple; the dark theme darkens the page and the boxes", () => {
    const privateLink = scene.edges.findIndex((edge) => edge.kind === "privatelink");
    expect(styleValue(doc.byId.get(`e${privateLink + 1}`)?.style ?? "", "strokeColor")).toBe(
      "#8C4FFF",
    );
    expect(doc.background).toBe("#FFFFFF");
    const dark = parseDrawio(renderDrawio(scene, { theme: "dark" }));
    expect(dark.background).toBe("#0F1419");
    expect(
      styleValue(dark.byId.get(cellOf("interface-endpoint").id)?.style ?? "", "fillColor"),
    ).toBe("#1A222D");
  });

  it("is drawTopology's format drawio", () => {
    expect(drawTopology(topology, { format: "drawio", detail: "subnets" })).toBe(
      renderDrawio(scene),
    );
  });
});

describe("renderDrawio: findings, comparisons and hostile names", () => {
  it("a box with error findings gets a red badge whose tooltip lists them", () => {
    const broken = exampleTopology("broken");
    const scene = sceneOf(broken, { findings: check(broken) });
    const doc = parseDrawio(renderDrawio(scene));
    expectFaithful(scene, doc);
    const badges = doc.cells.filter((cell) => cell.object);
    expect(badges.length).toBe(scene.boxes.filter((box) => box.findings?.length).length);
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) {
      expect(badge.object?.label).toBe("!");
      const box = scene.boxes[Number(badge.id.slice(1, badge.id.indexOf("-"))) - 1];
      expect(badge.object?.tooltip).toBe(
        (box?.findings ?? []).map((f) => `${f.rule}: ${f.message}`).join("\n"),
      );
    }
  });

  it("a comparison marks added boxes green and removed ones red and dashed", () => {
    const scene = layout(
      comparisonGraph(exampleTopology("prod"), exampleTopology("dev"), { detail: "azs" }),
    );
    const doc = parseDrawio(renderDrawio(scene));
    expectFaithful(scene, doc);
    const styles = scene.boxes.map((box, i) => [box.status, doc.byId.get(`b${i + 1}`)?.style]);
    const removed = styles.filter(([status]) => status === "removed");
    expect(removed.length).toBeGreaterThan(0);
    for (const [, style] of removed) {
      expect(styleValue(style ?? "", "strokeColor")).toBe("#D13212");
      expect(styleValue(style ?? "", "dashed")).toBe("1");
    }
  });

  it("escapes markup, keeps quotes and ampersands, drops controls, bidi and zero-width", () => {
    const topology = parseTopology({
      name: 'x" /><mxCell id="evil',
      accounts: [
        {
          id: "a",
          name: "<script>alert(1)</script>",
          vpcs: [
            {
              id: "v",
              name: 'Tom & Jerry\'s "VPC" \u202Egnp.exe',
              region: "us-east-1",
              azs: ["us-east-1a"],
              workloads: [{ id: "w", name: "zero\u200Bwidth\u0000nul\u0007bell", uses: ["e"] }],
              endpoints: [{ id: "e", type: "interface", service: "sts", name: "]]><!-- &amp;" }],
            },
          ],
        },
      ],
    });
    const scene = sceneOf(topology);
    const xml = renderDrawio(scene);
    const doc = parseDrawio(xml);
    expectFaithful(scene, doc);
    expect(xml).not.toContain("<script");
    for (const ch of ["\u202E", "\u200B", "\u0000", "\u0007"]) expect(xml).not.toContain(ch);
    expect(doc.cells.filter((cell) => cell.id === "evil")).toEqual([]);
    expect(doc.name).toBe('x" /><mxCell id="evil');
    const values = doc.cells.map((cell) => cell.value).join("\n");
    expect(values).toContain("<script>alert(1)</script>");
    expect(values).toContain('Tom & Jerry\'s "VPC" gnp.exe');
    expect(values).toContain("zerowidth");
    expect(values).toContain("]]><!-- &amp;");
  });
});
