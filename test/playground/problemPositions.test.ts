import { describe, expect, it } from "vitest";
import { locateProblems } from "../../playground/src/problemPositions.js";
import { exampleYaml } from "../helpers/examples.js";

const DOC = `# a comment
name: x
accounts:
  - id: a
    vpcs:
      - id: v
        regon: us-east-1
        azs: [us-east-1a]
        endpoints:
          - { id: e, type: interface, service: ecr.api }
          - id: f
            type: gateway
            service: ecr.api
`;

const error = (path: string, message = "wrong") => ({ path, message, severity: "error" as const });
const lines = (items: { line: number; column: number }[]) => items.map((i) => [i.line, i.column]);

describe("placing the API's problems and findings in the text (path → line)", () => {
  it("follows a path to the key or list item it names", () => {
    const placed = locateProblems(DOC, [
      error("name"),
      error("accounts[0].vpcs[0].azs"),
      error("accounts[0].vpcs[0].endpoints[0]"),
      error("accounts[0].vpcs[0].endpoints[1].service"),
      error("accounts[0].vpcs[0].endpoints[0].service"),
    ]);
    expect(lines(placed)).toEqual([
      [2, 1],
      [8, 9],
      [10, 13],
      [13, 13],
      [10, 39],
    ]);
    expect(placed.every((p) => !p.approximate)).toBe(true);
  });

  it("places an unknown key at the key itself, not at its mapping", () => {
    const [placed] = locateProblems(DOC, [
      error("accounts[0].vpcs[0]", 'unknown key "regon" (did you mean "region"?)'),
    ]);
    expect(lines([placed as { line: number; column: number }])).toEqual([[7, 9]]);
  });

  it("places a path that goes past the text (a default) at the deepest part written", () => {
    const [placed] = locateProblems(DOC, [error("accounts[0].vpcs[0].endpoints[0].privateDns")]);
    expect(placed?.line).toBe(10);
  });

  it("takes line:column as given for syntax errors (body:2:11 from the API, a:3:1 from the reader)", () => {
    const placed = locateProblems("name: x\naccounts: [\n", [error("body:2:11")]);
    expect(lines(placed)).toEqual([[2, 11]]);
  });

  it("keeps only the items under a prefix, relative to it (compare's a. and b., what-if's topology.)", () => {
    const placed = locateProblems(
      DOC,
      [
        error("a.accounts[0].vpcs[0].azs"),
        error("b.name"),
        error("a:3:4"),
        error("a"),
        error("ab.name"),
      ],
      "a",
    );
    expect(lines(placed)).toEqual([
      [8, 9],
      [3, 4],
      [1, 1],
    ]);
  });

  it("puts what it cannot follow on line 1, marked approximate", () => {
    const placed = locateProblems(DOC, [error("nothing[3].here"), error(""), error("not a path!")]);
    expect(placed.map((p) => [p.line, p.approximate])).toEqual([
      [1, true],
      [1, false],
      [1, true],
    ]);
  });

  it("places every finding of an example's check on the line of what it is about", () => {
    const text = exampleYaml("broken");
    const placed = locateProblems(text, [
      error("accounts[0].vpcs[0].endpoints[0].privateDns"),
      error("accounts[0].vpcs[0].endpoints[3].securityGroups"),
    ]);
    const textLines = text.split("\n");
    for (const p of placed) expect(p.approximate).toBe(false);
    expect(textLines[(placed[0]?.line ?? 0) - 1]).toContain("privateDns");
  });
});
