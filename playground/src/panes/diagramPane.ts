import { postBlob, postText, withQuery } from "../apiClient.js";
import type { Context, Pane, Settings } from "../context.js";
import { describeSvg, diagramFormats, digest } from "../diagramFormats.js";
import { documentBody, isProblem } from "../documentWorkerClient.js";
import { download, h, uid } from "../dom.js";
import { LatestOnly } from "../latestOnly.js";
import { PanZoom } from "../panZoom.js";

/** The query of POST /v1/diagram for the current settings. */
export function diagramQuery(settings: Settings, format: string): Record<string, string | boolean> {
  return {
    format,
    detail: settings.detail,
    costs: settings.costs,
    theme: settings.diagramTheme,
    findings: settings.findings,
  };
}

/** A file name from the document's name ("app-dev" → "app-dev.svg"). */
export function fileName(name: string | undefined, extension: string): string {
  const base = (name ?? "topology").replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "topology";
  return `${base}.${extension}`;
}

/** The SVG drawn in the browser onto a canvas, as PNG (when the server cannot draw PNG). */
async function pngFromSvg(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(image.naturalWidth * scale);
    canvas.height = Math.ceil(image.naturalHeight * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D canvas");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no PNG"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Diagram: the SVG from POST /v1/diagram, pan and zoom, its options and downloads. */
export class DiagramPane implements Pane {
  readonly name = "diagram" as const;
  readonly label = "Diagram";
  readonly panel = h("div", { className: "pane fill" });
  private image = h("img", { alt: "", draggable: "false" });
  private readonly viewport = h(
    "div",
    {
      className: "diagram-view",
      tabindex: 0,
      role: "group",
      "aria-label": "Diagram: drag or arrow keys to pan, wheel or + and − to zoom, 0 to fit",
      "data-testid": "diagram",
    },
    this.image,
  );
  private readonly zoomLabel = h(
    "output",
    { className: "zoom-level", "aria-live": "off" },
    "100 %",
  );
  private readonly message = h("p", { className: "muted", style: "margin:0" });
  private readonly panZoom: PanZoom;
  private readonly runner: LatestOnly<string>;
  /** drawings in flight, and who waits for there to be none (see idle) */
  private drawing = 0;
  private readonly idlers: (() => void)[] = [];
  private svg: string | null = null;
  private objectUrl: string | null = null;
  private drawnText: string | null = null;
  private text = "";
  private needsFit = true;
  private visible = false;
  private readonly buttons: Record<"png" | "drawio", HTMLButtonElement>;
  private readonly selects = new Map<keyof Settings, HTMLSelectElement>();

  constructor(private readonly ctx: Context) {
    this.panZoom = new PanZoom(this.viewport, this.image, (scale) => {
      this.zoomLabel.textContent = `${Math.round(scale * 100)} %`;
    });
    this.runner = new LatestOnly((text, signal) => this.draw(text, signal));
    const s = ctx.settings;
    const select = <T extends string>(label: string, key: keyof Settings, options: T[]) => {
      const id = uid("diagram");
      const element = h(
        "select",
        {
          id,
          onchange: () => {
            (s as Record<string, unknown>)[key] = element.value;
            if (key === "detail") this.needsFit = true;
            ctx.settingsChanged(key);
            this.redraw();
          },
        },
        ...options.map((o) => h("option", { value: o, selected: s[key] === o }, o)),
      );
      this.selects.set(key, element);
      return h("label", { className: "field", for: id }, h("span", {}, label), element);
    };
    const checkbox = (label: string, key: "costs" | "findings") => {
      const input = h("input", {
        type: "checkbox",
        checked: s[key],
        onchange: () => {
          s[key] = input.checked;
          ctx.settingsChanged(key);
          this.redraw();
        },
      });
      return h("label", { className: "field inline" }, input, label);
    };
    this.buttons = {
      png: h(
        "button",
        { type: "button", className: "button small", onclick: () => void this.save("png") },
        "PNG",
      ),
      drawio: h(
        "button",
        { type: "button", className: "button small", onclick: () => void this.save("drawio") },
        "draw.io",
      ),
    };
    this.panel.append(
      h(
        "div",
        { className: "pane-controls" },
        select("Detail", "detail", ["accounts", "vpcs", "azs", "subnets"]),
        select("Theme", "diagramTheme", ["light", "dark"]),
        h(
          "div",
          { className: "field" },
          h("span", {}, "Show"),
          h(
            "div",
            { className: "button-group", style: "min-height:30px" },
            checkbox("Costs", "costs"),
            checkbox("Findings", "findings"),
          ),
        ),
        h("span", { className: "spacer" }),
        h(
          "div",
          { className: "field" },
          h("span", {}, "Download"),
          h(
            "div",
            { className: "button-group" },
            h(
              "button",
              {
                type: "button",
                className: "button small",
                "data-testid": "download-svg",
                onclick: () => void this.save("svg"),
              },
              "SVG",
            ),
            this.buttons.png,
            this.buttons.drawio,
            h(
              "button",
              {
                type: "button",
                className: "button small",
                onclick: () => void this.save("mermaid"),
              },
              "Mermaid",
            ),
          ),
        ),
      ),
      h("div", { className: "diagram-stage" }, this.viewport, this.zoomBar()),
      this.message,
    );
    void diagramFormats().then((formats) => {
      if (!formats.includes("drawio")) {
        this.buttons.drawio.disabled = true;
        this.buttons.drawio.title = "this server does not draw draw.io files";
      }
      if (!formats.includes("png")) this.buttons.png.title = "drawn in the browser from the SVG";
    });
  }

  /** Zoom buttons over the diagram's bottom right corner. */
  private zoomBar(): HTMLElement {
    const button = (label: string, text: string, run: () => void) =>
      h(
        "button",
        {
          type: "button",
          className: "button small",
          "aria-label": label,
          title: label,
          onclick: run,
        },
        text,
      );
    return h(
      "div",
      { className: "zoom-bar", role: "toolbar", "aria-label": "Zoom" },
      button("Zoom out", "−", () => this.panZoom.zoomBy(0.8)),
      this.zoomLabel,
      button("Zoom in", "+", () => this.panZoom.zoomBy(1.25)),
      button("Fit the diagram in view", "Fit", () => this.panZoom.fit()),
      button("Actual size", "1:1", () => this.panZoom.actualSize()),
    );
  }

  shown(): void {
    this.visible = true;
    if (this.drawnText !== this.text) this.runner.runNow(this.text);
    else if (this.needsFit) requestAnimationFrame(() => this.fitIfNeeded());
  }

  hidden(): void {
    this.visible = false;
  }

  /** The page's theme changed, and the diagram's with it. */
  themeChanged(): void {
    const select = this.selects.get("diagramTheme");
    if (select) select.value = this.ctx.settings.diagramTheme;
    this.redraw();
  }

  documentChanged(text: string): void {
    this.text = text;
    if (this.visible) this.runner.schedule(text);
  }

  private redraw(): void {
    this.drawnText = null;
    if (this.visible) this.runner.runNow(this.text);
  }

  private fitIfNeeded(): void {
    if (!this.needsFit || !this.svg || this.viewport.clientWidth === 0) return;
    this.needsFit = false;
    this.panZoom.fit();
  }

  /**
   * Resolves once no drawing is in flight (at once when none is). The findings wait for it:
   * check is the least urgent request, and run alongside the drawing it took a CPU from it
   * (and from the browser decoding the SVG).
   */
  idle(): Promise<void> {
    if (this.drawing === 0) return Promise.resolve();
    return new Promise((resolve) => this.idlers.push(resolve));
  }

  private async draw(text: string, signal: AbortSignal): Promise<void> {
    this.ctx.busy(1);
    this.drawing++;
    try {
      const body = await documentBody(text);
      if (signal.aborted) return;
      const result = isProblem(body)
        ? { ok: false as const, problem: body }
        : await postText(
            withQuery("/v1/diagram", diagramQuery(this.ctx.settings, "svg")),
            body,
            signal,
          );
      if (signal.aborted) return;
      this.drawnText = text;
      if (!result.ok) {
        this.viewport.classList.add("stale");
        this.message.textContent = this.svg
          ? `Showing the last diagram that could be drawn: ${result.problem.detail}`
          : result.problem.detail;
        this.ctx.rendered("diagram", false);
        return;
      }
      const svg = result.value;
      const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
      // decoded before it is shown, then put in the place of the one shown (no second decode)
      const next = h("img", { alt: describeSvg(svg), draggable: "false" });
      next.src = url;
      await next.decode().catch(() => undefined);
      if (signal.aborted) {
        URL.revokeObjectURL(url);
        return;
      }
      if (this.objectUrl) URL.revokeObjectURL(this.objectUrl);
      this.objectUrl = url;
      this.svg = svg;
      next.style.transform = this.image.style.transform;
      next.dataset.digest = digest(svg);
      this.image.replaceWith(next);
      this.image = next;
      this.panZoom.setImage(next);
      this.viewport.classList.remove("stale");
      this.message.textContent = "";
      if (this.needsFit) this.fitIfNeeded();
      this.ctx.rendered("diagram", true);
    } finally {
      this.ctx.busy(-1);
      if (--this.drawing === 0) for (const resolve of this.idlers.splice(0)) resolve();
    }
  }

  private async save(format: "svg" | "png" | "drawio" | "mermaid"): Promise<void> {
    const name = this.ctx.lastEstimate?.name;
    if (format === "svg") {
      if (!this.svg) return this.ctx.toast("No diagram yet");
      download(new Blob([this.svg], { type: "image/svg+xml" }), fileName(name, "svg"));
      return;
    }
    const formats = await diagramFormats();
    if (format === "png" && !formats.includes("png")) {
      if (!this.svg) return this.ctx.toast("No diagram yet");
      download(await pngFromSvg(this.svg), fileName(name, "png"));
      return;
    }
    const body = await documentBody(this.text);
    if (isProblem(body)) return this.ctx.toast(body.detail);
    const query = withQuery("/v1/diagram", diagramQuery(this.ctx.settings, format));
    if (format === "png") {
      const result = await postBlob(query, body);
      if (!result.ok) return this.ctx.toast(result.problem.detail);
      download(result.value, fileName(name, "png"));
      return;
    }
    const result = await postText(query, body);
    if (!result.ok) return this.ctx.toast(result.problem.detail);
    const [extension, type] =
      format === "drawio"
        ? ["drawio", "application/vnd.jgraph.mxfile"]
        : ["mmd", "text/vnd.mermaid;charset=utf-8"];
    download(new Blob([result.value], { type }), fileName(name, extension));
  }
}
