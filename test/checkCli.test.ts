import { describe, expect, it } from "vitest";
import { RULES } from "../src/check/rules.js";
import { expectGolden } from "./helpers/golden.js";
import { runCliCapture } from "./helpers/runCliCapture.js";
import { scratchDir } from "./helpers/scratchDir.js";

const scratch = scratchDir("check-cli");

const OPEN = scratch.write(
  "open.yaml",
  `name: open
accounts:
  - id: a
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a, us-east-1b]
        loadBalancers: [{ id: nlb, type: network }]
    endpointServices:
      - { id: svc, vpc: main, loadBalancer: nlb, acceptanceRequired: false, allowedPrincipals: ["*"] }
`,
);

describe("linkplan check", () => {
  it("exits 4 when a finding reaches --fail-on (error by default), after printing the findings", async () => {
    const result = await runCliCapture(["check", OPEN]);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe(
      [
        "open: 1 error, 0 warnings, 0 info",
        "",
        "ERRORS",
        "  endpoint-service-open  accounts[0].endpointServices[0].allowedPrincipals",
        '    endpoint service "svc" allows every AWS principal (*) and accepts their connections automatically: anyone can reach it',
        "    fix: list the consumer accounts in allowedPrincipals, or set acceptanceRequired: true",
        "    docs: https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html",
        "",
      ].join("\n"),
    );
    expect(result.stderr).toBe("linkplan: 1 finding at or above --fail-on error\n");
  });

  it("exits 0 with --fail-on none, and with warnings only below the default", async () => {
    expect((await runCliCapture(["check", OPEN, "--fail-on", "none"])).code).toBe(0);
    const dev = await runCliCapture(["check", "examples/dev.yaml"]);
    expect(dev.code).toBe(0);
    expect(dev.stdout.split("\n")[0]).toBe("app-dev: 0 errors, 6 warnings, 0 info");
    expect((await runCliCapture(["check", "examples/dev.yaml", "--fail-on", "warning"])).code).toBe(
      4,
    );
  });

  it("--rule and --skip-rule select rules; an unknown id is an error", async () => {
    const skipped = await runCliCapture(["check", OPEN, "--skip-rule", "endpoint-service-open"]);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toBe("open: no findings\n");
    const unknown = await runCliCapture(["check", OPEN, "--rule", "nope"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'linkplan: invalid options for check\n  --rule: unknown rule "nope" (linkplan check --list-rules lists them)\n',
    );
  });

  it("--list-rules prints every rule without a file", async () => {
    const result = await runCliCapture(["check", "--list-rules"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(RULES.length);
    expect(lines.map((l) => l.split(/\s+/).slice(0, 2))).toEqual(
      RULES.map((r) => [r.id, r.severity]),
    );
  });

  it("writes SARIF 2.1.0 pointing at the file checked, and at the line and column", async () => {
    const result = await runCliCapture(["check", OPEN, "--format", "sarif", "--fail-on", "none"]);
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("linkplan");
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(run.results).toEqual([
      {
        ruleId: "endpoint-service-open",
        ruleIndex: RULES.findIndex((r) => r.id === "endpoint-service-open"),
        level: "error",
        message: {
          text: 'endpoint service "svc" allows every AWS principal (*) and accepts their connections automatically: anyone can reach it. Fix: list the consumer accounts in allowedPrincipals, or set acceptanceRequired: true',
        },
        locations: [
          {
            // where the path is written: line 10, at allowedPrincipals
            physicalLocation: {
              artifactLocation: { uri: OPEN },
              region: { startLine: 10, startColumn: 77 },
            },
            logicalLocations: [
              {
                fullyQualifiedName: "accounts[0].endpointServices[0].allowedPrincipals",
                name: "a/main/svc",
              },
            ],
          },
        ],
      },
    ]);
  });
});

describe("examples/broken.yaml", () => {
  it("trips at least eight rules; its findings are golden (text and SARIF)", async () => {
    const text = await runCliCapture(["check", "examples/broken.yaml", "--fail-on", "none"]);
    expect(text.code).toBe(0);
    expectGolden("check/broken.txt", text.stdout);
    const sarif = await runCliCapture([
      "check",
      "examples/broken.yaml",
      "-f",
      "sarif",
      "--fail-on",
      "none",
    ]);
    expectGolden("check/broken.sarif.json", sarif.stdout);
    const rules = new Set(
      JSON.parse(sarif.stdout).runs[0].results.map((r: { ruleId: string }) => r.ruleId),
    );
    expect(rules.size).toBeGreaterThanOrEqual(8);
    // the default gate: its errors fail the command
    expect((await runCliCapture(["check", "examples/broken.yaml"])).code).toBe(4);
  });
});
