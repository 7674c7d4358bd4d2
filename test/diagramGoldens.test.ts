import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { type DiagramRequest, drawTopology } from "../src/diagram/drawTopology.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { EXAMPLE_NAMES, exampleTopology } from "./helpers/examples.js";
import { expectGolden } from "./helpers/golden.js";
import { parseMermaid } from "./helpers/mermaidParse.js";

/** The variants kept as golden files for every example. */
const VARIANTS: { suffix: string; request: DiagramRequest; costs?: boolean }[] = [
  { suffix: "txt", request: { format: "ascii" } },
  { suffix: "ascii.txt", request: { format: "ascii", charset: "ascii" } },
  { suffix: "azs.txt", request: { format: "ascii", detail: "azs" }, costs: true },
  { suffix: "mmd", request: { format: "mermaid" } },
  { suffix: "azs.mmd", request: { format: "mermaid", detail: "azs" }, costs: true },
  { suffix: "svg", request: { format: "svg" } },
  {
    suffix: "dark.svg",
    request: { format: "svg", theme: "dark", detail: "azs" },
    costs: true,
  },
  { suffix: "drawio", request: { format: "drawio" } },
];

describe("example diagrams match their golden files", () => {
  for (const name of EXAMPLE_NAMES) {
    it(`${name}: ASCII, Mermaid, SVG and draw.io`, async () => {
      const topology = exampleTopology(name);
      const priced = estimate(topology, bundledCatalog());
      for (const variant of VARIANTS) {
        const text = drawTopology(topology, {
          ...variant.request,
          estimate: variant.costs ? priced : null,
        });
        expectGolden(`diagram/${name}.${variant.suffix}`, text);
        if (variant.request.format === "mermaid") await parseMermaid(text);
        if (variant.request.format === "svg" || variant.request.format === "drawio") {
          expect(XMLValidator.validate(text)).toBe(true);
        }
        if (variant.request.charset === "ascii") expect(text).toMatch(/^[\x20-\x7e\n]*$/);
      }
    });
  }
});
