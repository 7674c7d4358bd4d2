// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Terraform templates
import { describe, expect, it } from "vitest";
import {
  type Env,
  evaluate,
  type ModuleNames,
} from "../../../src/terraform/hcl/evaluateExpression.js";
import {
  ExpressionSyntaxError,
  parseTemplate,
} from "../../../src/terraform/hcl/parseExpression.js";
import {
  ExpressionError,
  InstanceValue,
  Unknown,
} from "../../../src/terraform/hcl/terraformValue.js";

const VARS: Record<string, unknown> = {
  region: "eu-west-1",
  services: ["logs", "sts", "ecr.api"],
  sizes: { small: 1, large: 4 },
  cidr: "10.0.0.0/16",
  on: true,
};

function names(): ModuleNames {
  let steps = 0;
  return {
    variable: (name) => {
      if (!Object.hasOwn(VARS, name)) throw new ExpressionError(`no variable "${name}"`);
      return VARS[name];
    },
    local: (name) => (name === "nested" ? { a: { b: ["x", "y"] } } : new Unknown("local unknown")),
    resource: (mode, type, name) => {
      const base = `${mode === "data" ? "data." : ""}${type}.${name}`;
      if (name === "private")
        return [0, 1, 2].map(
          (i) => new InstanceValue(`${base}[${i}]`, () => ({ cidr_block: `10.0.${i}.0/24` })),
        );
      if (name === "by_key")
        return {
          a: new InstanceValue(`${base}["a"]`, () => ({})),
          b: new InstanceValue(`${base}["b"]`, () => ({})),
        };
      return new InstanceValue(base, () => ({ name: "known-name" }));
    },
    module: (name) => new Unknown(`module ${name}`),
    path: { module: "modules/x", root: ".", cwd: "." },
    charge: (n) => {
      steps += n;
      if (steps > 100_000) throw new Error("budget");
    },
  };
}

function run(text: string, extra: Partial<Env> = {}): unknown {
  const expr = parseTemplate(text);
  return evaluate(expr, { names: names(), bound: new Map(), ...extra });
}

describe("evaluate: values", () => {
  it.each([
    ["plain text", "plain text"],
    ["$${not.interpolated}", "${not.interpolated}"],
    ["${1 + 2 * 3}", 7],
    ["${(1 + 2) * 3}", 9],
    ["${10 % 4 - -1}", 3],
    ["${7 / 2}", 3.5],
    ["${1 < 2 && 2 >= 2 || false}", true],
    ["${!var.on}", false],
    ['${"a" == "a" ? "yes" : "no"}', "yes"],
    ['${[1, "2"] == [1, "2"]}', true],
    ["${var.region}", "eu-west-1"],
    ["com.amazonaws.${var.region}.${var.services[1]}", "com.amazonaws.eu-west-1.sts"],
    ['${var.sizes["large"]}', 4],
    ["${var.sizes.small}", 1],
    ["${local.nested.a.b[1]}", "y"],
    ['${[for s in var.services : upper(s) if s != "sts"]}', ["LOGS", "ECR.API"]],
    ["${{for k, v in var.sizes : v => k}}", { "4": "large", "1": "small" }],
    ['${{for s in ["a", "b", "a"] : s => s...}}', { a: ["a", "a"], b: ["b"] }],
    ['${[for i, s in var.services : "${i}:${s}"]}', ["0:logs", "1:sts", "2:ecr.api"]],
    ['${toset(["b", "a", "b"])}', ["a", "b"]],
    ["${tolist(var.services)}", ["logs", "sts", "ecr.api"]],
    ["${tomap({ b = 1, a = 2 })}", { b: 1, a: 2 }],
    ['${jsonencode({ b = [1, true, null], a = "x" })}', '{"a":"x","b":[1,true,null]}'],
    ['${jsondecode("{\\"k\\": [1, 2]}").k[1]}', 2],
    ["${cidrsubnet(var.cidr, 8, 3)}", "10.0.3.0/24"],
    ['${cidrsubnet("172.16.0.0/12", 4, 15)}', "172.31.0.0/16"],
    ['${replace("ecr.api", ".", "-")}', "ecr-api"],
    ["${length(var.services)}", 3],
    ['${length("héllo")}', 5],
    ["${element(var.services, 4)}", "sts"],
    ['${concat(["a"], ["b", "c"])}', ["a", "b", "c"]],
    ["${merge({ a = 1, b = 1 }, { b = 2 })}", { a: 1, b: 2 }],
    ['${format("%s-%03d-%.1f %q %%", "x", 7, 2.26, "y")}', 'x-007-2.3 "y" %'],
    ['${lookup(var.sizes, "medium", 2)}', 2],
    ["${keys({ b = 1, a = 2 })}", ["a", "b"]],
    ["${values({ b = 1, a = 2 })}", [2, 1]],
    ['${contains(var.services, "sts")}', true],
    ['${distinct(["a", "b", "a"])}', ["a", "b"]],
    ['${flatten([["a"], [["b"]], "c"])}', ["a", "b", "c"]],
    ['${join(",", var.services)}', "logs,sts,ecr.api"],
    ['${split(".", "ecr.api")}', ["ecr", "api"]],
    ['${lower("ABC")}${upper("d")}${trimspace("  e ")}', "abcDe"],
    ['${try(var.sizes.medium, "fallback")}', "fallback"],
    ["${try(var.sizes.small, 0)}", 1],
    ['${coalesce(null, "", "first")}', "first"],
    ["${can(var.missing)}", false],
    ["${range(3)}", [0, 1, 2]],
    ["${path.module}", "modules/x"],
    ['${"quoted \\"${var.region}\\"\\n"}', 'quoted "eu-west-1"\n'],
  ])("%s", (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it("each and count", () => {
    expect(run("${each.key}=${each.value}", { each: { key: "k", value: "v" } })).toBe("k=v");
    expect(run("${count.index * 2}", { count: 3 })).toBe(6);
  });
});

describe("evaluate: references", () => {
  it("an attribute not among the known arguments is a TerraformRef", () => {
    expect(run("${aws_vpc.main.id}")).toEqual({ $ref: "aws_vpc.main", attribute: "id" });
    expect(run("${aws_vpc.main.name}")).toBe("known-name");
    expect(run("${aws_vpc_endpoint.x.dns_entry[0].dns_name}")).toEqual({
      $ref: "aws_vpc_endpoint.x",
      attribute: "dns_entry[0].dns_name",
    });
    expect(run("${data.aws_ssm_parameter.svc.value}")).toEqual({
      $ref: "data.aws_ssm_parameter.svc",
      attribute: "value",
    });
  });

  it("splat over counted instances gives one reference per instance", () => {
    const refs = [0, 1, 2].map((i) => ({ $ref: `aws_subnet.private[${i}]`, attribute: "id" }));
    expect(run("${aws_subnet.private[*].id}")).toEqual(refs);
    expect(run("${aws_subnet.private.*.id}")).toEqual(refs);
    expect(run("${aws_subnet.private[*].cidr_block}")).toEqual([
      "10.0.0.0/24",
      "10.0.1.0/24",
      "10.0.2.0/24",
    ]);
    expect(run("${aws_subnet.private[1].id}")).toEqual(refs[1]);
    expect(run("${values(aws_subnet.by_key)[*].id}")).toEqual([
      { $ref: 'aws_subnet.by_key["a"]', attribute: "id" },
      { $ref: 'aws_subnet.by_key["b"]', attribute: "id" },
    ]);
    expect(run("${length(aws_subnet.private)}")).toBe(3);
  });

  it("a reference used as text is unknown, with why", () => {
    const value = run("${aws_vpc.main.id}-suffix");
    expect(value).toBeInstanceOf(Unknown);
    expect((value as Unknown).reason).toBe("depends on aws_vpc.main.id, known only after apply");
  });
});

describe("evaluate: what is not evaluated", () => {
  it("an unknown function, a regex replace, a template directive", () => {
    expect(run("${timestamp()}")).toEqual(new Unknown("function timestamp() is not evaluated"));
    expect(run('${replace("a", "/a/", "b")}')).toEqual(
      new Unknown("replace with a regular expression is not evaluated"),
    );
    expect(() => parseTemplate("%{ if true }x%{ endif }")).toThrow(ExpressionSyntaxError);
  });

  it("errors: a missing attribute, an index out of range, an undeclared variable", () => {
    expect(() => run("${var.sizes.medium}")).toThrow('no attribute "medium"');
    expect(() => run("${var.services[5]}")).toThrow("index 5 out of range (3 elements)");
    expect(() => run("${var.nope}")).toThrow('no variable "nope"');
  });

  it("expressions nested deeper than 64 are refused, not overflowed", () => {
    const deep = `\${${"[".repeat(200)}1${"]".repeat(200)}}`;
    expect(() => parseTemplate(deep)).toThrow("nested deeper than 64");
    const parens = `\${${"(".repeat(10_000)}1${")".repeat(10_000)}}`;
    expect(() => parseTemplate(parens)).toThrow(ExpressionSyntaxError);
  });
});
