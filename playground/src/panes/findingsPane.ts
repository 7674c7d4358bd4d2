import type { Finding } from "../apiTypes.js";
import type { Context, Pane } from "../context.js";
import { DeferredRender } from "../deferredRender.js";
import { h, replaceChildren } from "../dom.js";
import type { LocatedItem } from "../problemPositions.js";

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Findings: what linkplan check says of the document; each one jumps to its line. */
export class FindingsPane implements Pane {
  readonly name = "findings" as const;
  readonly label = "Findings";
  readonly panel = h("div", { className: "pane" });
  private findings: LocatedItem<Finding & { source: string }>[] = [];
  private known = false;
  private stale = false;
  private limit = 200;
  private readonly deferred = new DeferredRender(() => this.render());

  constructor(private readonly ctx: Context) {
    this.render();
  }

  badge(): { text: string; kind: string } | null {
    if (!this.known) return null;
    const errors = this.findings.filter((f) => f.item.severity === "error").length;
    const warnings = this.findings.filter((f) => f.item.severity === "warning").length;
    if (errors > 0) return { text: String(errors), kind: "error" };
    if (warnings > 0) return { text: String(warnings), kind: "warning" };
    return { text: String(this.findings.length), kind: "" };
  }

  show(findings: LocatedItem<Finding & { source: string }>[] | null, stale: boolean): void {
    if (findings) {
      this.findings = [...findings].sort(
        (a, b) => ORDER[a.item.severity] - ORDER[b.item.severity] || a.line - b.line,
      );
      this.known = true;
    }
    this.stale = stale;
    this.deferred.request();
  }

  shown(): void {
    this.deferred.shown();
  }

  hidden(): void {
    this.deferred.hidden();
  }

  private render(): void {
    this.deferred.drawn();
    const stale = this.stale;
    if (!this.known) {
      replaceChildren(this.panel, h("p", { className: "empty" }, "Findings show here."));
      return;
    }
    const count = (severity: Finding["severity"]) =>
      this.findings.filter((f) => f.item.severity === severity).length;
    const cards = h(
      "div",
      { className: "cards" },
      ...(["error", "warning", "info"] as const).map((severity) =>
        h(
          "div",
          { className: "card" },
          h("div", { className: "label" }, `${severity}s`),
          h("div", { className: "value" }, String(count(severity))),
        ),
      ),
    );
    if (this.findings.length === 0) {
      replaceChildren(
        this.panel,
        cards,
        h("p", { className: "empty" }, "No findings: linkplan check has nothing to say."),
      );
      return;
    }
    replaceChildren(
      this.panel,
      stale
        ? h(
            "p",
            { className: "muted" },
            "These are the findings of the last valid version of the document.",
          )
        : null,
      cards,
      h(
        "ul",
        { className: "findings", "aria-label": "Findings" },
        ...this.findings.slice(0, this.limit).map(({ item, line, column }) =>
          h(
            "li",
            {},
            h(
              "button",
              {
                type: "button",
                className: `finding ${item.severity}`,
                "aria-label": `${item.severity} at line ${line}: ${item.message}`,
                onclick: () => this.ctx.editor.goTo(line, column),
              },
              h("span", { className: "sev" }, item.severity),
              h("span", { className: "msg" }, item.message),
              item.fix ? h("span", { className: "fix" }, `Fix: ${item.fix}`) : null,
              h(
                "span",
                { className: "meta" },
                `line ${line} · ${item.rule}${item.resource ? ` · ${item.resource}` : ""}`,
              ),
            ),
            item.docs
              ? h(
                  "a",
                  {
                    href: item.docs,
                    target: "_blank",
                    rel: "noopener noreferrer",
                    className: "finding-docs",
                    "aria-label": `AWS documentation for ${item.rule} (new tab)`,
                  },
                  "AWS documentation ↗",
                )
              : null,
          ),
        ),
      ),
      this.findings.length > this.limit
        ? h(
            "button",
            {
              type: "button",
              className: "button small",
              style: "margin-top:10px",
              onclick: () => {
                this.limit = Number.POSITIVE_INFINITY;
                this.render();
              },
            },
            `Show all ${this.findings.length} findings`,
          )
        : null,
    );
  }
}
