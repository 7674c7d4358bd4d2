import { stringify } from "yaml";
import { postJson } from "./apiClient.js";
import type { ImportResult } from "./apiTypes.js";
import { h, replaceChildren, uid } from "./dom.js";

const SAMPLE = `provider "aws" {
  region = "eu-west-2"
}

resource "aws_vpc" "app" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_hostnames = true
}

resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = aws_vpc.app.id
  cidr_block        = cidrsubnet(aws_vpc.app.cidr_block, 8, count.index)
  availability_zone = ["eu-west-2a", "eu-west-2b"][count.index]
}

resource "aws_vpc_endpoint" "ecr_api" {
  vpc_id              = aws_vpc.app.id
  service_name        = "com.amazonaws.eu-west-2.ecr.api"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.private[*].id
  private_dns_enabled = true
}
`;

/**
 * The Terraform tab: .tf files pasted in, imported by the server (POST /v1/import) into a
 * topology that replaces the document (as YAML, one undoable change).
 */
export function terraformPanel(
  panel: HTMLElement,
  openDocument: (yaml: string) => void,
  busy: (delta: 1 | -1) => void,
): void {
  const files = h("div", { style: "display:flex;flex-direction:column;gap:10px" });
  const output = h("div", { "aria-live": "polite" });
  const addFile = (name: string, text: string) => {
    const nameId = uid("tf-name");
    const textId = uid("tf-text");
    const nameInput = h("input", {
      id: nameId,
      type: "text",
      value: name,
      "aria-label": "File name",
    });
    const area = h("textarea", {
      id: textId,
      spellcheck: "false",
      "aria-label": `Contents of ${name}`,
    });
    area.value = text;
    const box = h(
      "section",
      { className: "tf-file" },
      h(
        "header",
        {},
        nameInput,
        h(
          "button",
          {
            type: "button",
            className: "button small",
            "aria-label": `Remove ${name}`,
            onclick: () => box.remove(),
          },
          "Remove",
        ),
      ),
      area,
    );
    files.append(box);
  };
  const run = async () => {
    const body: Record<string, string> = {};
    for (const box of files.querySelectorAll(".tf-file")) {
      const name = (box.querySelector("input") as HTMLInputElement).value.trim();
      const text = (box.querySelector("textarea") as HTMLTextAreaElement).value;
      if (name) body[name] = text;
    }
    if (Object.keys(body).length === 0) {
      replaceChildren(output, h("p", { className: "muted" }, "Add a .tf file first."));
      return;
    }
    busy(1);
    try {
      const result = await postJson<ImportResult>("/v1/import", { json: { files: body } });
      if (!result.ok) {
        replaceChildren(
          output,
          h(
            "div",
            { className: "banner", role: "status", style: "margin:0" },
            h("strong", {}, "Cannot import: "),
            result.problem.detail,
            result.problem.errors?.length
              ? h(
                  "ul",
                  {},
                  ...result.problem.errors
                    .slice(0, 10)
                    .map((e) => h("li", {}, e.path ? `${e.path}: ${e.message}` : e.message)),
                )
              : null,
          ),
        );
        return;
      }
      const { topology, warnings } = result.value;
      openDocument(stringify(topology, { lineWidth: 100 }));
      replaceChildren(
        output,
        h("p", {}, "Imported into the Topology tab (undo there with Ctrl+Z)."),
        warnings.length > 0
          ? h(
              "ul",
              { className: "warnings" },
              ...warnings.map((w) =>
                h(
                  "li",
                  {},
                  `${w.file ? `${w.file}${w.line ? `:${w.line}` : ""}: ` : ""}${w.message}`,
                ),
              ),
            )
          : null,
      );
    } finally {
      busy(-1);
    }
  };
  panel.append(
    h(
      "div",
      { className: "tf" },
      h(
        "p",
        { className: "muted", style: "margin:0" },
        "Paste the .tf files of a root module (and its local modules, by relative path). The server reads them — without running Terraform — and the result replaces the topology.",
      ),
      files,
      h(
        "div",
        { className: "tf-actions" },
        h(
          "button",
          {
            type: "button",
            className: "button",
            onclick: () => addFile(`file${files.children.length + 1}.tf`, ""),
          },
          "Add a file",
        ),
        h(
          "button",
          { type: "button", className: "button primary", onclick: () => void run() },
          "Import into the topology",
        ),
      ),
      output,
    ),
  );
  addFile("main.tf", SAMPLE);
}
