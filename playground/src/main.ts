import { createYamlEditor } from "./editor.js";

const host = document.getElementById("editor") as HTMLElement;
createYamlEditor(host, { doc: "name: x\n", label: "Topology (YAML)", onChange: () => {} });
