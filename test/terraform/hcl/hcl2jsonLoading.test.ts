import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const HCL = fileURLToPath(new URL("../../../src/terraform/hcl/", import.meta.url));

describe("hcl2json is loaded only when HCL is read", () => {
  it("no module imports @cdktn/hcl2json statically (it loads WebAssembly when imported)", () => {
    const files = readdirSync(HCL).filter((f) => f.endsWith(".ts"));
    const statics = files.filter((f) =>
      /^\s*(import|export)\s[^;]*from\s+"@cdktn\/hcl2json"/m.test(
        readFileSync(`${HCL}${f}`, "utf8"),
      ),
    );
    expect(statics).toEqual([]);
    const dynamic = files.filter((f) =>
      readFileSync(`${HCL}${f}`, "utf8").includes('await import("@cdktn/hcl2json")'),
    );
    expect(dynamic).toEqual(["parseHclFiles.ts"]);
  });
});
