import { stringify } from "yaml";
import { postJson, withQuery } from "../apiClient.js";
import type { WhatIfResult } from "../apiTypes.js";
import { changesTable, comparisonCards } from "../comparisonView.js";
import type { Context, Pane } from "../context.js";
import { documentData, vpcIds } from "../documentData.js";
import { h, replaceChildren, uid } from "../dom.js";
import { errorBanner } from "../errorBanner.js";
import { LatestOnly } from "../latestOnly.js";

type Transform =
  | { kind: "consolidateAzs"; azs: number; vpc?: string }
  | { kind: "natToEndpoints"; services?: string[]; vpc?: string }
  | { kind: "centralizeEndpoints"; hubVpc: string; services?: string[] };

function services(text: string): string[] | undefined {
  const list = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length > 0 ? list : undefined;
}

/**
 * What-if: one click applies a transform (POST /v1/whatif) to a copy of the document and
 * shows what it changes; the copy can be compared side by side or taken as the document.
 */
export class WhatIfPane implements Pane {
  readonly name = "whatif" as const;
  readonly label = "What-if";
  readonly panel = h("div", { className: "pane" });
  private readonly results = h("div", { "aria-live": "polite" });
  private readonly vpcSelects: HTMLSelectElement[] = [];
  private readonly hubSelect: HTMLSelectElement;
  private readonly runner: LatestOnly<{ text: string; transform: Transform }>;

  constructor(private readonly ctx: Context) {
    this.runner = new LatestOnly((input, signal) => this.apply(input, signal));
    const vpcSelect = (label: string, all: string | null) => {
      const id = uid("whatif-vpc");
      const select = h("select", { id }, all === null ? null : h("option", { value: "" }, all));
      if (all !== null) this.vpcSelects.push(select);
      return {
        select,
        field: h("label", { className: "field", for: id }, h("span", {}, label), select),
      };
    };
    const azsId = uid("whatif-azs");
    const azs = h("input", { id: azsId, type: "number", min: 1, max: 6, step: 1, value: 1 });
    const consolidateVpc = vpcSelect("VPC", "every VPC");
    const natVpc = vpcSelect("VPC", "every VPC");
    const servicesInput = (placeholder: string) => {
      const id = uid("whatif-services");
      return { id, input: h("input", { id, type: "text", placeholder, size: 14 }) };
    };
    const { id: natServicesId, input: natServices } = servicesInput("all AWS services");
    const hub = vpcSelect("Hub VPC", null);
    this.hubSelect = hub.select;
    const { id: hubServicesId, input: hubServices } = servicesInput("all services");
    const run = (transform: () => Transform) => () =>
      this.runner.runNow({ text: ctx.editor.text(), transform: transform() });
    const card = (
      title: string,
      text: string,
      fields: HTMLElement[],
      button: string,
      transform: () => Transform,
    ) =>
      h(
        "section",
        { className: "transform", "aria-label": title },
        h("h3", {}, title),
        h("p", {}, text),
        h(
          "div",
          { className: "row" },
          ...fields,
          h(
            "button",
            { type: "button", className: "button primary small", onclick: run(transform) },
            button,
          ),
        ),
      );
    this.panel.append(
      h(
        "div",
        { className: "transforms" },
        card(
          "Consolidate AZs",
          "Keep interface endpoints in fewer AZs; traffic from the other AZs then pays inter-AZ transfer.",
          [
            h("label", { className: "field", for: azsId }, h("span", {}, "AZs"), azs),
            consolidateVpc.field,
          ],
          "Consolidate",
          () => ({
            kind: "consolidateAzs",
            azs: Math.max(1, Math.round(Number(azs.value) || 1)),
            ...(consolidateVpc.select.value ? { vpc: consolidateVpc.select.value } : {}),
          }),
        ),
        card(
          "NAT → endpoints",
          "Move the NAT gateways' traffic to AWS services onto gateway and interface endpoints.",
          [
            h(
              "label",
              { className: "field", for: natServicesId },
              h("span", {}, "Services"),
              natServices,
            ),
            natVpc.field,
          ],
          "Move traffic",
          () => {
            const list = services(natServices.value);
            return {
              kind: "natToEndpoints",
              ...(list ? { services: list } : {}),
              ...(natVpc.select.value ? { vpc: natVpc.select.value } : {}),
            };
          },
        ),
        card(
          "Centralise endpoints",
          "One shared set of endpoints in a hub VPC, reached over Transit Gateway with private hosted zones.",
          [
            hub.field,
            h(
              "label",
              { className: "field", for: hubServicesId },
              h("span", {}, "Services"),
              hubServices,
            ),
          ],
          "Centralise",
          () => {
            const list = services(hubServices.value);
            return {
              kind: "centralizeEndpoints",
              hubVpc: this.hubSelect.value,
              ...(list ? { services: list } : {}),
            };
          },
        ),
      ),
      this.results,
    );
    replaceChildren(
      this.results,
      h(
        "p",
        { className: "empty" },
        "Pick a change above: it is applied to a copy of the document.",
      ),
    );
  }

  shown(): void {
    const parsed = documentData(this.ctx.editor.text(), "topology");
    const ids = parsed.ok ? vpcIds(parsed.data) : [];
    for (const select of [...this.vpcSelects, this.hubSelect]) {
      const keep = select.value;
      const first = select === this.hubSelect ? [] : [select.options[0]];
      select.replaceChildren(...(first.filter(Boolean) as HTMLOptionElement[]));
      for (const id of ids) select.append(h("option", { value: id, selected: id === keep }, id));
      if (select === this.hubSelect && !keep) {
        const hubLike = ids.find((id) => /hub|shared|network|central/i.test(id));
        if (hubLike) select.value = hubLike;
      }
    }
  }

  private async apply(
    input: { text: string; transform: Transform },
    signal: AbortSignal,
  ): Promise<void> {
    const parsed = documentData(input.text, "topology");
    if (!parsed.ok) {
      this.error("The document cannot be read; fix it in the editor first.", parsed.errors);
      return;
    }
    this.ctx.busy(1);
    try {
      const result = await postJson<WhatIfResult>(
        withQuery("/v1/whatif", { hoursPerMonth: this.ctx.settings.hoursPerMonth }),
        { json: { topology: parsed.data, transform: input.transform } },
        signal,
      );
      if (signal.aborted) return;
      if (!result.ok) {
        this.error(result.problem.detail, result.problem.errors);
        this.ctx.rendered("whatif", false);
        return;
      }
      const { comparison, topology } = result.value;
      const yaml = () => stringify(topology, { lineWidth: 100 });
      replaceChildren(
        this.results,
        h("h3", {}, comparison.after.name),
        comparisonCards(comparison),
        h(
          "div",
          { className: "tf-actions", style: "margin-bottom:14px" },
          h(
            "button",
            {
              type: "button",
              className: "button",
              onclick: () => {
                this.ctx.openCompare(input.text, yaml());
              },
            },
            "Open in Compare",
          ),
          h(
            "button",
            {
              type: "button",
              className: "button",
              onclick: () => this.ctx.openDocument(yaml()),
            },
            "Use as the document",
          ),
          h(
            "span",
            { className: "muted", style: "font-size:12px" },
            "(undo with Ctrl+Z in the editor)",
          ),
        ),
        changesTable(comparison),
      );
      this.ctx.rendered("whatif", true);
    } finally {
      this.ctx.busy(-1);
    }
  }

  private error(detail: string, errors?: { path: string; message: string }[]): void {
    replaceChildren(this.results, errorBanner("Cannot apply: ", detail, errors));
  }
}
