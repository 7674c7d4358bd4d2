import { describe, expect, it } from "vitest";
import { diagramFontFiles } from "../src/api/diagramFontFiles.js";
import { LinkplanError } from "../src/core/linkplanError.js";
import { toGraph } from "../src/diagram/graph/toGraph.js";
import { layout } from "../src/diagram/layout/layout.js";
import { CELL_HEIGHT, CELL_WIDTH, type Scene, type SceneBox } from "../src/diagram/layout/scene.js";
import { drawTopologyPng } from "../src/diagram/png/drawTopologyPng.js";
import { pngSize, renderPng } from "../src/diagram/png/renderPng.js";
import { svgFrame } from "../src/diagram/svg/svgFrame.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { darkPixels, decodePng, PNG_SIGNATURE } from "./helpers/decodePng.js";
import { exampleTopology } from "./helpers/examples.js";

const FONTS = diagramFontFiles();
const PROD = exampleTopology("prod");
const SCENE = layout(toGraph(PROD));

/** The pixels of a box's first text line at `scale` (a scene laid out without icons). */
function firstLine(scene: Scene, box: SceneBox, scale: number) {
  const origin = svgFrame(scene).scene;
  return {
    x: (origin.x + (box.x + 2) * CELL_WIDTH) * scale,
    y: (origin.y + (box.y + 1) * CELL_HEIGHT) * scale,
    width: (box.width - 3) * CELL_WIDTH * scale,
    height: CELL_HEIGHT * scale,
  };
}

/** The LinkplanError a promise rejects with (fails the test if it resolves or rejects another). */
async function caught(f: () => Promise<unknown>): Promise<LinkplanError> {
  const error = await f().then(
    () => new Error("expected a LinkplanError"),
    (e: unknown) => e,
  );
  if (error instanceof LinkplanError) return error;
  throw error;
}

const workload = (scene: Scene) => scene.boxes.find((box) => box.kind === "workload") as SceneBox;

describe("renderPng", () => {
  it("writes a PNG of the SVG's size × scale (2 by default, 0.25 to 4)", async () => {
    const png = await renderPng(SCENE, { fontFiles: FONTS });
    expect(Buffer.from(png.subarray(0, 8)).equals(PNG_SIGNATURE)).toBe(true);
    const image = decodePng(png);
    const frame = svgFrame(SCENE);
    expect([image.width, image.height]).toEqual([frame.width * 2, frame.height * 2]);
    for (const scale of [0.25, 0.37, 1, 1.5, 4]) {
      const { width, height } = decodePng(await renderPng(SCENE, { fontFiles: FONTS, scale }));
      expect({ width, height }).toEqual(pngSize(SCENE, scale));
    }
    expect(pngSize(SCENE, 1)).toEqual({ width: frame.width, height: frame.height });
  });

  it("is deterministic: the same scene, theme and scale give the same bytes", async () => {
    const [a, b] = await Promise.all([
      renderPng(SCENE, { fontFiles: FONTS }),
      renderPng(SCENE, { fontFiles: FONTS }),
    ]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("draws the dark theme on its dark background", async () => {
    const light = decodePng(await renderPng(SCENE, { fontFiles: FONTS, theme: "light" }));
    const dark = decodePng(await renderPng(SCENE, { fontFiles: FONTS, theme: "dark" }));
    expect([...light.rgba.subarray(0, 4)]).toEqual([0xff, 0xff, 0xff, 0xff]);
    expect([...dark.rgba.subarray(0, 4)]).toEqual([0x0f, 0x14, 0x19, 0xff]);
  });

  it("sets the text in the given fonts only (no system fonts): none, no text", async () => {
    const line = firstLine(SCENE, workload(SCENE), 2);
    const withFonts = decodePng(await renderPng(SCENE, { fontFiles: FONTS }));
    expect(darkPixels(withFonts, line)).toBeGreaterThan(100);
    // a file that is no font: the boxes and edges are drawn, the text is not
    const noFont = new URL("../LICENSE", import.meta.url).pathname;
    const without = decodePng(await renderPng(SCENE, { fontFiles: [noFont] }));
    expect(darkPixels(without, line)).toBe(0);
    const everything = { x: 0, y: 0, width: without.width, height: without.height };
    expect(darkPixels(without, everything)).toBeGreaterThan(1000);
  });

  it("draws hostile names (markup, bidi controls, emoji) as text", async () => {
    const topology = parseTopology({
      name: "<svg onload=alert(1)>",
      accounts: [
        {
          id: "a",
          name: '</text><script>alert(1)</script> & "quotes"',
          vpcs: [
            {
              id: "v",
              name: "\u202Egnp.exe 🚀 東京",
              region: "us-east-1",
              azs: ["us-east-1a"],
              workloads: [{ id: "w", name: "]]><!-- \u0000", uses: ["e"] }],
              endpoints: [{ id: "e", type: "interface", service: "sts" }],
            },
          ],
        },
      ],
    });
    const scene = layout(toGraph(topology));
    const image = decodePng(await renderPng(scene, { fontFiles: FONTS, scale: 1 }));
    expect(image.width).toBe(svgFrame(scene).width);
    const account = scene.boxes[0] as SceneBox;
    expect(darkPixels(image, firstLine(scene, account, 1), 200)).toBeGreaterThan(50);
  });

  it("refuses a picture over maxPixels before drawing it (diagram_too_large), naming the scale that fits", async () => {
    const { width, height } = pngSize(SCENE, 2);
    const error = await caught(() => renderPng(SCENE, { fontFiles: FONTS, maxPixels: 200_000 }));
    expect(error.code).toBe("diagram_too_large");
    expect(error.message).toContain(
      `${(width * height).toLocaleString("en-US")} pixels (${width} × ${height} at scale 2), over the limit of 200,000 (maxPngPixels); draw it at scale `,
    );
    // the scale named is the largest (in hundredths) that fits: it draws, 0.01 more does not
    const named = Number(/draw it at scale ([\d.]+) or less/.exec(error.message)?.[1]);
    const fits = (scale: number) => {
      const size = pngSize(SCENE, scale);
      return size.width * size.height <= 200_000;
    };
    expect(named).toBeGreaterThanOrEqual(0.25);
    expect(fits(named)).toBe(true);
    expect(fits(Math.round((named + 0.01) * 100) / 100)).toBe(false);
    const image = decodePng(
      await renderPng(SCENE, { fontFiles: FONTS, scale: named, maxPixels: 200_000 }),
    );
    expect({ width: image.width, height: image.height }).toEqual(pngSize(SCENE, named));
    // too large even at the least scale: a coarser detail or a part of it
    const tiny = await caught(() => renderPng(SCENE, { fontFiles: FONTS, maxPixels: 10_000 }));
    expect(tiny.message).toContain(
      "it is over the limit even at the smallest scale (0.25): draw it at a coarser detail (--detail or detail=) or a part of it (--focus or focus=)",
    );
    const limited = await caught(() =>
      drawTopologyPng(PROD, { fontFiles: FONTS, limits: { maxPngPixels: 10_000 } }),
    );
    expect(limited.code).toBe("diagram_too_large");
    // refused once the boxes are sized, before any edge is routed: the boxes' own size
    expect(limited.message).toMatch(
      / pixels \(at least \d+ × \d+ at scale 2\), over the limit of 10,000 \(maxPngPixels\)/,
    );
  });

  it("refuses a scale out of range and no fonts (invalid_option)", async () => {
    for (const scale of [0.24, 0, 4.5, Number.NaN]) {
      const error = await caught(() => renderPng(SCENE, { fontFiles: FONTS, scale }));
      expect(error.code).toBe("invalid_option");
    }
    const error = await caught(() => renderPng(SCENE, { fontFiles: [] }));
    expect(error.code).toBe("invalid_option");
  });
});
