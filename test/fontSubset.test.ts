import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { fontSubsetBytes } from "../scripts/subsetFonts.js";
import {
  BUNDLED_FONTS,
  diagramFontFiles,
  diagramFontSubset,
  diagramFonts,
} from "../src/api/diagramFontFiles.js";
import { packagePath } from "../src/api/packageRoot.js";
import { DIAGRAM_LIMITS } from "../src/diagram/diagramLimits.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import { FONT_SUBSET_RANGES, subsetCovers } from "../src/diagram/png/fontSubset.js";
import { renderPng, resvgOptions } from "../src/diagram/png/renderPng.js";
import { parseDocument } from "../src/document/parseDocument.js";
import { diagramCompareOperation } from "../src/operations/diagramCompareOperation.js";
import { diagramOperation } from "../src/operations/diagramOperation.js";
import { DiagramOptionsSchema } from "../src/operations/diagramOptions.js";
import type { AnyOperation, OperationContext } from "../src/operations/operation.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { examplePath, exampleYaml } from "./helpers/examples.js";

const FULL = diagramFontFiles();
const SUBSET = diagramFontSubset();
/** A font list that sets no text at all (resvg skips a missing file). */
const NO_FONT = ["/nonexistent/linkplan-no-font.ttf"];

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** resvg's PNG of `svg` with only `fontFiles`, as renderPng calls it. */
function rasterize(svg: string, fontFiles: readonly string[]): Uint8Array {
  return new Resvg(svg, resvgOptions(fontFiles, 1)).render().asPng();
}

/** Every character of the subset's ranges, 48 to a line, kerned pairs and ligatures, regular and bold. */
function everySubsetCharacter(): string {
  const chars: string[] = [];
  for (const [first, last] of FONT_SUBSET_RANGES) {
    for (let code = first; code <= last; code++) chars.push(String.fromCodePoint(code));
  }
  const escaped = chars.map((c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c));
  const lines: string[] = [];
  for (let i = 0; i < escaped.length; i += 48) lines.push(escaped.slice(i, i + 48).join(""));
  // pairs the fonts kern
  lines.push("AV AW AY Av Aw Ay LT LV LY Ta Te To Tr Ty Va Ve Vo WA Wa Yo P. T, V. f' r. 'A");
  // and letters fonts may join (ligatures)
  lines.push("fi fl ffi ffl fj ff office waffle");
  const text = lines.flatMap((line, i) => [
    `<text x="4" y="${20 + i * 20}" font-size="14">${line}</text>`,
    `<text x="804" y="${20 + i * 20}" font-size="14" font-weight="bold">${line}</text>`,
  ]);
  const height = 30 + lines.length * 20;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="${height}" font-family="sans-serif"><rect width="1600" height="${height}" fill="#fff"/>${text.join("")}</svg>`;
}

/** The prod example with one VPC renamed: a label in `name`'s script. */
function prodScene(name: string) {
  const document = parseDocument(exampleYaml("prod"), examplePath("prod")) as {
    accounts: { vpcs: { name?: string }[] }[];
  };
  const vpc = document.accounts[0]?.vpcs[0];
  if (!vpc) throw new Error("prod has no VPC");
  vpc.name = name;
  return layout(toGraph(parseTopology(document)), { icons: true });
}

const fontPath = (file: string): string => packagePath("assets", "fonts", file);

describe("font subsets", () => {
  it("subsetCovers: every character in the ranges (tabs and line breaks aside)", () => {
    expect(subsetCovers("prod-vpc · 3 AZs → $22.32/mo\n\t", FONT_SUBSET_RANGES)).toBe(true);
    expect(subsetCovers("Ünïcödé ŁŹŻ € ≤ ≈ − … × ›", FONT_SUBSET_RANGES)).toBe(true);
    expect(subsetCovers("", FONT_SUBSET_RANGES)).toBe(true);
    // Greek, Cyrillic, CJK, an emoji (a surrogate pair), a control character
    for (const text of ["αβγ", "сеть", "東京", "🚀", "a\u0007b", "\u0300"]) {
      expect(subsetCovers(`vpc ${text}`, FONT_SUBSET_RANGES), text).toBe(false);
    }
    // the ends of a range, and ranges that leave ASCII out
    expect(subsetCovers("\u017f\u2000\u22ff", FONT_SUBSET_RANGES)).toBe(true);
    expect(subsetCovers("\u0180", FONT_SUBSET_RANGES)).toBe(false);
    expect(subsetCovers("a", [[0x100, 0x17f]])).toBe(false);
    expect(subsetCovers("ā", [[0x100, 0x17f]])).toBe(true);
  });

  it("the committed subsets are what scripts/subsetFonts.ts writes", async () => {
    for (const { full, subset } of BUNDLED_FONTS) {
      const made = await fontSubsetBytes(readFileSync(fontPath(full)));
      expect(same(made, readFileSync(fontPath(subset))), subset).toBe(true);
      // a sixth of the full font or less: the point of them
      expect(made.byteLength).toBeLessThan(readFileSync(fontPath(full)).byteLength / 6);
    }
  });

  it("set every character of their ranges, regular and bold, in the same pixels as the full fonts", () => {
    const svg = everySubsetCharacter();
    const full = rasterize(svg, FULL);
    expect(same(rasterize(svg, SUBSET.files), full)).toBe(true);
    // and the picture has text: without fonts it is another one
    expect(same(rasterize(svg, NO_FONT), full)).toBe(false);
  });

  it("renderPng uses the subset when it covers the picture, else the full fonts", async () => {
    const latin = prodScene("Zürich prod · main");
    const byFull = await renderPng(latin, { fontFiles: FULL, scale: 1 });
    // the subset alone draws it: the full fonts given are a file that does not exist
    const bySubset = await renderPng(latin, { fontFiles: NO_FONT, fontSubset: SUBSET, scale: 1 });
    expect(same(bySubset, byFull)).toBe(true);
    expect(same(await renderPng(latin, { fontFiles: NO_FONT, scale: 1 }), byFull)).toBe(false);

    const cyrillic = prodScene("Москва prod");
    const cyrillicFull = await renderPng(cyrillic, { fontFiles: FULL, scale: 1 });
    // a subset that cannot set the label is not used: the full fonts draw it
    const noSubset = { files: NO_FONT, ranges: FONT_SUBSET_RANGES };
    const withSubset = await renderPng(cyrillic, {
      fontFiles: FULL,
      fontSubset: noSubset,
      scale: 1,
    });
    expect(same(withSubset, cyrillicFull)).toBe(true);
  });

  it("the CLI's and the API's fonts carry the subsets, and the diagram operations pass them on", async () => {
    expect(diagramFonts()).toEqual({ fontFiles: FULL, fontSubset: SUBSET });
    const context = (fonts: Pick<OperationContext, "fontFiles" | "fontSubset">) => ({
      catalog: bundledCatalog(),
      limits: { maxVpcs: 100, maxEndpoints: 1000 },
      diagramLimits: DIAGRAM_LIMITS,
      ...fonts,
    });
    const options = DiagramOptionsSchema.parse({ scale: 1 });
    const prod = parseDocument(exampleYaml("prod"), examplePath("prod"));
    const png = async (operation: AnyOperation, body: unknown, ctx: OperationContext) => {
      const format = operation.formats.png;
      if (format?.kind !== "binary") throw new Error(`${operation.name} draws no PNG`);
      return format.render(operation.run(body, options, ctx));
    };
    for (const [operation, body] of [
      [diagramOperation, prod],
      [diagramCompareOperation, { a: prod, b: prod }],
    ] as const) {
      const full = await png(operation, body, context({ fontFiles: FULL }));
      // drawn by the subsets alone (the full fonts named do not exist), it is the same
      const subset = await png(
        operation,
        body,
        context({ fontFiles: NO_FONT, fontSubset: SUBSET }),
      );
      expect(same(subset, full), operation.name).toBe(true);
      const none = await png(operation, body, context({ fontFiles: NO_FONT }));
      expect(same(none, full), operation.name).toBe(false);
    }
  });
});
