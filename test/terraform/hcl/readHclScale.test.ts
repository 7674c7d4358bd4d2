// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Terraform templates
import { describe, expect, it } from "vitest";
import { readHcl } from "../../../src/terraform/hcl/readHcl.js";
import { generatedConfig as generated } from "./generatedConfig.js";

describe("readHcl: scale", () => {
  // speed is measured by `npm run bench -- import`, not asserted here (a loaded machine
  // would fail a wall-clock bound); this test holds what is read at that scale
  it("500 aws_vpc_endpoint across 50 files, read three times alike", async () => {
    const files = generated();
    // hcl2json loads and compiles its WebAssembly once per process: measured apart
    let started = performance.now();
    await readHcl({ files: { "main.tf": "locals {\n  x = 1\n}\n" } });
    const load = performance.now() - started;
    const times: number[] = [];
    let count = 0;
    for (let run = 0; run < 3; run += 1) {
      started = performance.now();
      const model = await readHcl({ files });
      times.push(performance.now() - started);
      count = model.resources.filter((r) => r.type === "aws_vpc_endpoint").length;
      expect(model.warnings).toEqual([]);
      expect(
        model.resources.find((r) => r.address === "aws_vpc_endpoint.team49_9")?.values,
      ).toEqual({
        vpc_id: { $ref: "aws_vpc.main", attribute: "id" },
        service_name: "com.amazonaws.eu-west-1.events",
        vpc_endpoint_type: "Interface",
        subnet_ids: [0, 1, 2].map((i) => ({ $ref: `aws_subnet.private[${i}]`, attribute: "id" })),
        private_dns_enabled: true,
        tags: { Team: "team-49", Name: "events-eu-west-1" },
      });
    }
    console.log(
      `readHcl, 500 aws_vpc_endpoint in 50 files: hcl2json load ${load.toFixed(0)} ms; runs ${times.map((t) => t.toFixed(0)).join(", ")} ms`,
    );
    expect(count).toBe(500);
  });
});
