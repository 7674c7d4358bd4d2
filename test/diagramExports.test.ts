import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagramFontFiles } from "../src/api/diagramFontFiles.js";
import { WorkPool } from "../src/api/workPool.js";
import { runCli } from "../src/cli/runCli.js";
import { DIAGRAM_LIMITS } from "../src/diagram/diagramLimits.js";
import { drawTopologyPng } from "../src/diagram/png/drawTopologyPng.js";
import { parseDocument } from "../src/document/parseDocument.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { goldenText, JSON_BODY, problemOf, useApp, YAML } from "./helpers/apiKit.js";
import { decodePng, PNG_SIGNATURE } from "./helpers/decodePng.js";
import { parseDrawio } from "./helpers/drawioCells.js";
import { examplePath, exampleTopology, exampleYaml } from "./helpers/examples.js";
import { runCliCapture } from "./helpers/runCliCapture.js";
import { scratchDir } from "./helpers/scratchDir.js";

const scratch = scratchDir("exports");
const PROD = examplePath("prod");
const isPng = (bytes: Uint8Array | undefined) =>
  bytes !== undefined && Buffer.from(bytes.subarray(0, 8)).equals(PNG_SIGNATURE);

/** The PNG the library draws for prod.yaml with the command's defaults. */
const prodPng = (scale = 2) =>
  drawTopologyPng(exampleTopology("prod"), {
    detail: "vpcs",
    fontFiles: diagramFontFiles(),
    scale,
  });

describe("linkplan diagram --format png | drawio", () => {
  it("-o x.png writes the PNG (the library's bytes); -o x.drawio the draw.io file", async () => {
    const png = await runCliCapture(
      ["diagram", PROD, "--format", "png", "-o", "prod.png"],
      scratch.dir,
    );
    expect(png).toEqual({ code: 0, stdout: "", stderr: "wrote prod.png\n" });
    const written = readFileSync(join(scratch.dir, "prod.png"));
    expect(written.equals(Buffer.from(await prodPng()))).toBe(true);

    const drawio = await runCliCapture(
      ["diagram", PROD, "--format", "drawio", "-o", "prod.drawio"],
      scratch.dir,
    );
    expect(drawio).toEqual({ code: 0, stdout: "", stderr: "wrote prod.drawio\n" });
    expect(readFileSync(join(scratch.dir, "prod.drawio"), "utf8")).toBe(
      goldenText("diagram/prod.drawio"),
    );
  });

  it("writes PNG bytes to a pipe; --scale sets the pixels per SVG pixel", async () => {
    const piped = await runCliCapture(["diagram", PROD, "--format", "png", "--scale", "1"]);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe("");
    expect(isPng(piped.stdoutBytes)).toBe(true);
    expect(piped.stdoutBytes?.equals(Buffer.from(await prodPng(1)))).toBe(true);
    const drawio = await runCliCapture(["diagram", PROD, "--format", "drawio"]);
    expect(parseDrawio(drawio.stdout).name).toBe("app-prod");
  });

  it("refuses to write PNG bytes to a terminal (exit 2), and writes the file from one", async () => {
    let stdout = "";
    let stderr = "";
    let bytes = 0;
    const terminal = {
      stdout: (text: string) => {
        stdout += text;
      },
      stdoutChunks: async () => {},
      stdoutBytes: async (chunk: Uint8Array) => {
        bytes += chunk.length;
      },
      stdoutIsTTY: true,
      stderr: (text: string) => {
        stderr += text;
      },
      cwd: scratch.dir,
    };
    expect(await runCli(["diagram", PROD, "--format", "png"], terminal)).toBe(2);
    expect(stderr).toBe(
      "linkplan: --format png writes binary data: write it to a file with -o <file>, or pipe it\n",
    );
    expect([stdout, bytes]).toEqual(["", 0]);
    expect(await runCli(["diagram", PROD, "--format", "png", "-o", "tty.png"], terminal)).toBe(0);
    expect(isPng(readFileSync(join(scratch.dir, "tty.png")))).toBe(true);
  });

  it("refuses a scale out of range (exit 2) and a PNG over maxPngPixels (exit 1)", async () => {
    for (const value of ["9", "0.2"]) {
      const scale = await runCliCapture(["diagram", PROD, "--format", "png", "--scale", value]);
      expect(scale.code).toBe(2);
      expect(scale.stderr).toContain("--scale");
    }
    // prod at detail azs is 3,088 × 918 SVG pixels: 45 million pixels at scale 4
    const large = await runCliCapture([
      ...["diagram", PROD, "--format", "png", "--detail", "azs", "--scale", "4"],
    ]);
    expect(large.code).toBe(1);
    expect(large.stderr).toMatch(/\(maxPngPixels\); draw it at scale (\d\.\d\d|\d) or less/);
    expect(large.stdoutBytes).toBeUndefined();
  });

  it("draws a comparison as PNG and draw.io", async () => {
    const args = ["diagram", PROD, "--compare", examplePath("dev")];
    const png = await runCliCapture([...args, "--format", "png"]);
    expect(isPng(png.stdoutBytes)).toBe(true);
    const drawio = await runCliCapture([...args, "--format", "drawio"]);
    expect(drawio.stdout).toContain("strokeColor=#1D8102");
  });
});

describe("POST /v1/diagram?format=png | drawio", () => {
  const app = useApp({ workers: 0 });
  const post = (url: string, payload = exampleYaml("prod")) =>
    app().inject({ method: "POST", url, headers: YAML, payload });

  it("answers image/png (the CLI's bytes) and the draw.io file", async () => {
    const png = await post("/v1/diagram?format=png&detail=vpcs");
    expect(png.statusCode).toBe(200);
    expect(png.headers["content-type"]).toBe("image/png");
    expect(png.rawPayload.equals(Buffer.from(await prodPng()))).toBe(true);
    const drawio = await post("/v1/diagram?format=drawio");
    expect(drawio.statusCode).toBe(200);
    expect(drawio.headers["content-type"]).toBe("application/vnd.jgraph.mxfile; charset=utf-8");
    expect(drawio.body).toBe(goldenText("diagram/prod.drawio"));
  });

  it("draws comparisons too (POST /v1/diagram/compare)", async () => {
    const [a, b] = ["dev", "prod"].map((name) => parseDocument(exampleYaml(name)));
    const body = JSON.stringify({ a, b });
    const res = await app().inject({
      method: "POST",
      url: "/v1/diagram/compare?format=png&theme=dark&scale=1",
      headers: JSON_BODY,
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    expect(decodePng(res.rawPayload).rgba.subarray(0, 3)).toEqual(new Uint8Array([15, 20, 25]));
  });

  it("refuses a bad scale (400) and a PNG over maxPngPixels (422 diagram_too_large)", async () => {
    expect(problemOf(await post("/v1/diagram?format=png&scale=0"), 400).code).toBe(
      "invalid_option",
    );
    const large = problemOf(await post("/v1/diagram?format=png&detail=azs&scale=4"), 422);
    expect(large.code).toBe("diagram_too_large");
    expect(large.detail).toContain(
      `over the limit of ${DIAGRAM_LIMITS.maxPngPixels.toLocaleString("en-US")} (maxPngPixels)`,
    );
  });
});

describe("PNG in the worker pool", () => {
  const app = useApp({ workers: 1 });

  it("is drawn in a worker thread whatever the body's length, its bytes moved back", async () => {
    const pool = new WorkPool(
      {
        catalog: bundledCatalog(),
        limits: { maxVpcs: 1, maxEndpoints: 1 },
        diagramLimits: DIAGRAM_LIMITS,
      },
      { workers: 1, timeoutMs: 1000, inlineBelow: 1_000_000, workerHeapMiB: 64 },
    );
    const input = (format: string) => ({
      operation: "diagram" as const,
      body: { text: "name: x", format: "yaml" as const },
      query: { format },
    });
    expect(pool.runsInline(input("svg"))).toBe(true);
    expect(pool.runsInline(input("png"))).toBe(false);
    expect(pool.runsInline(input("drawio"))).toBe(true);

    const res = await app().inject({
      method: "POST",
      url: "/v1/diagram?format=png",
      headers: YAML,
      payload: exampleYaml("prod"),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.rawPayload.equals(Buffer.from(await prodPng()))).toBe(true);
  }, 30_000);
});
