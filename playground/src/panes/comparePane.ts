import { type Problem, postJson, postText, withQuery } from "../apiClient.js";
import type { Comparison } from "../apiTypes.js";
import { changesTable, comparisonCards } from "../comparisonView.js";
import type { Context, Pane } from "../context.js";
import { documentData } from "../documentData.js";
import { h, replaceChildren, uid } from "../dom.js";
import { createYamlEditor, type YamlEditor } from "../editor.js";
import { errorBanner } from "../errorBanner.js";
import { LatestOnly } from "../latestOnly.js";
import { locateProblems } from "../problemPositions.js";
import { diagramQuery } from "./diagramPane.js";

const CURRENT = "\u0000current";

type Side = "a" | "b";

/**
 * Compare: two documents (before and after, e.g. dev and prod), the difference of their
 * estimates (POST /v1/compare), the PR comment (its Markdown format) and the diagram of
 * what changed (POST /v1/diagram/compare).
 */
export class ComparePane implements Pane {
  readonly name = "compare" as const;
  readonly label = "Compare";
  readonly panel = h("div", { className: "pane" });
  private readonly editors: Record<Side, YamlEditor>;
  private readonly selects: Record<Side, HTMLSelectElement>;
  private readonly results = h("div", { "aria-live": "polite" });
  private readonly runner: LatestOnly<{ a: string; b: string }>;
  private visible = false;
  private computed: string | null = null;
  private started = false;
  private diagramUrl: string | null = null;

  constructor(
    private readonly ctx: Context,
    initial: { a: string; b: string } | undefined,
  ) {
    this.runner = new LatestOnly((input, signal) => this.compare(input, signal));
    const editorsRow = h("div", { className: "compare-editors" });
    const make = (side: Side, title: string) => {
      const id = uid("compare-load");
      const select = h(
        "select",
        {
          id,
          "aria-label": `Load the ${title.toLowerCase()} document`,
          onchange: () => void this.load(side, select.value),
        },
        h("option", { value: "" }, "Load…"),
        h("option", { value: CURRENT }, "The document in the editor"),
      );
      const host = h("div", { className: "editor-host" });
      const box = h(
        "section",
        { className: "compare-editor", "aria-label": `${title} document` },
        h("header", {}, h("span", {}, title), select),
        host,
      );
      editorsRow.append(box);
      const editor = createYamlEditor(host, {
        doc: side === "a" ? (initial?.a ?? "") : (initial?.b ?? ""),
        label: `${title} topology (YAML)`,
        onChange: () => this.changed(),
      });
      return { editor, select };
    };
    const a = make("a", "Before");
    const b = make("b", "After");
    this.editors = { a: a.editor, b: b.editor };
    this.selects = { a: a.select, b: b.select };
    this.started = initial !== undefined;
    void ctx.examples().then((examples) => {
      for (const side of ["a", "b"] as const) {
        for (const example of examples) {
          this.selects[side].append(
            h("option", { value: example.name }, `Example: ${example.name}`),
          );
        }
      }
    });
    this.panel.append(
      h(
        "p",
        { className: "muted", style: "margin:0 0 10px" },
        "Two topologies, before and after: what the change costs, the comment for a pull request and the diagram of what changed.",
      ),
      editorsRow,
      this.results,
    );
    this.renderEmpty();
  }

  /** The two documents (for a share link), once the pane has been used. */
  state(): { a: string; b: string } | undefined {
    return this.started ? { a: this.editors.a.text(), b: this.editors.b.text() } : undefined;
  }

  /** Put two documents in the editors (what-if's "open in Compare"). */
  open(a: string, b: string): void {
    this.started = true;
    this.editors.a.setText(a);
    this.editors.b.setText(b);
  }

  async shown(): Promise<void> {
    this.visible = true;
    if (!this.started) {
      this.started = true;
      const [dev, prod] = await Promise.all([
        this.ctx.exampleText("dev"),
        this.ctx.exampleText("prod"),
      ]);
      const current = this.ctx.editor.text();
      if (this.editors.a.text() === "") this.editors.a.setText(dev ?? current);
      if (this.editors.b.text() === "") this.editors.b.setText(prod ?? current);
    }
    const input = this.input();
    if (this.computed !== JSON.stringify(input)) this.runner.runNow(input);
  }

  hidden(): void {
    this.visible = false;
  }

  private input(): { a: string; b: string } {
    return { a: this.editors.a.text(), b: this.editors.b.text() };
  }

  private changed(): void {
    this.started = true;
    this.ctx.stateChanged();
    if (this.visible) this.runner.schedule(this.input());
  }

  private async load(side: Side, value: string): Promise<void> {
    this.selects[side].value = "";
    if (!value) return;
    const text = value === CURRENT ? this.ctx.editor.text() : await this.ctx.exampleText(value);
    if (text !== null) this.editors[side].setText(text);
  }

  private renderEmpty(): void {
    replaceChildren(this.results, h("p", { className: "empty" }, "The comparison shows here."));
  }

  private showProblems(input: { a: string; b: string }, errors: Problem["errors"]): void {
    for (const side of ["a", "b"] as const) {
      const items = (errors ?? []).map((e) => ({
        path: e.path,
        message: e.message,
        severity: "error" as const,
        source: "linkplan",
      }));
      this.editors[side].setServerItems(input[side], locateProblems(input[side], items, side));
    }
  }

  private async compare(input: { a: string; b: string }, signal: AbortSignal): Promise<void> {
    const a = documentData(input.a, "a");
    const b = documentData(input.b, "b");
    if (!a.ok || !b.ok) {
      const errors = [...(a.ok ? [] : a.errors), ...(b.ok ? [] : b.errors)];
      this.showProblems(input, errors);
      this.showError(`The ${!a.ok ? "before" : "after"} document cannot be read.`, errors);
      return;
    }
    const body = { json: { a: a.data, b: b.data } };
    const hours = this.ctx.settings.hoursPerMonth;
    this.ctx.busy(1);
    try {
      const [json, markdown] = await Promise.all([
        postJson<Comparison>(withQuery("/v1/compare", { hoursPerMonth: hours }), body, signal),
        postText(
          withQuery("/v1/compare", { format: "markdown", hoursPerMonth: hours }),
          body,
          signal,
        ),
      ]);
      if (signal.aborted) return;
      this.computed = JSON.stringify(input);
      if (!json.ok) {
        this.showProblems(input, json.problem.errors);
        this.showError(json.problem.detail, json.problem.errors);
        this.ctx.rendered("compare", false);
        return;
      }
      this.showProblems(input, []);
      const diagram = h(
        "div",
        { className: "diff-diagram" },
        h("p", { className: "muted" }, "Drawing…"),
      );
      const copy = h(
        "button",
        {
          type: "button",
          className: "button small",
          onclick: () => {
            if (markdown.ok)
              void navigator.clipboard
                .writeText(markdown.value)
                .then(() => this.ctx.toast("Markdown copied"));
          },
        },
        "Copy Markdown",
      );
      replaceChildren(
        this.results,
        h("div", { className: "section" }, comparisonCards(json.value)),
        h(
          "div",
          { className: "section" },
          h("div", { className: "section-head" }, h("h3", {}, "Lines that changed")),
          changesTable(json.value),
        ),
        h(
          "div",
          { className: "section" },
          h("div", { className: "section-head" }, h("h3", {}, "Pull-request comment"), copy),
          h(
            "pre",
            { className: "markdown", tabindex: 0, "aria-label": "Pull-request comment (Markdown)" },
            markdown.ok ? markdown.value : markdown.problem.detail,
          ),
        ),
        h(
          "div",
          { className: "section" },
          h("div", { className: "section-head" }, h("h3", {}, "What changed, drawn")),
          diagram,
        ),
      );
      this.ctx.rendered("compare", true);
      const svg = await postText(
        withQuery("/v1/diagram/compare", diagramQuery(this.ctx.settings, "svg")),
        body,
        signal,
      );
      if (signal.aborted) return;
      if (!svg.ok) {
        replaceChildren(diagram, h("p", { className: "muted" }, svg.problem.detail));
        return;
      }
      if (this.diagramUrl) URL.revokeObjectURL(this.diagramUrl);
      this.diagramUrl = URL.createObjectURL(new Blob([svg.value], { type: "image/svg+xml" }));
      replaceChildren(
        diagram,
        h("img", {
          className: "diff-image",
          src: this.diagramUrl,
          alt: `Diagram of ${json.value.after.name} with what changed since ${json.value.before.name} marked`,
        }),
      );
    } finally {
      this.ctx.busy(-1);
    }
  }

  private showError(detail: string, errors: Problem["errors"]): void {
    replaceChildren(this.results, errorBanner("Cannot compare: ", detail, errors));
  }
}
