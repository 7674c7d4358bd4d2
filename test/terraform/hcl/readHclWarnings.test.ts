// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Terraform templates
import { describe, expect, it } from "vitest";
import { LinkplanError } from "../../../src/core/linkplanError.js";
import { readHcl } from "../../../src/terraform/hcl/readHcl.js";

async function failure(promise: Promise<unknown>): Promise<LinkplanError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LinkplanError) return error;
    throw error;
  }
  throw new Error("expected a LinkplanError");
}

describe("readHcl: errors", () => {
  it("malformed HCL: invalid_syntax naming file:line:column", async () => {
    const error = await failure(
      readHcl({
        files: {
          "main.tf": 'provider "aws" {\n  region = "eu-west-1"\n}\n',
          "network.tf": 'resource "aws_vpc" "main" {\n  cidr_block = \n}\n',
        },
      }),
    );
    expect(error.code).toBe("invalid_syntax");
    expect(error.summary).toBe("cannot parse network.tf");
    expect(error.problems).toEqual([
      {
        path: "network.tf:2:16",
        message:
          "Invalid expression: Expected the start of an expression, but found an invalid expression token.",
      },
    ]);
    expect(error.message).toContain("network.tf:2:16: Invalid expression");
  });

  it("a malformed .tfvars names its line and column too", async () => {
    const error = await failure(
      readHcl({ files: { "main.tf": "" }, varFiles: { "prod.tfvars": 'region = "eu\n' } }),
    );
    expect(error.code).toBe("invalid_syntax");
    expect(error.problems[0]?.path).toBe("prod.tfvars:1:13");
  });

  it("no .tf file at the top level: invalid_request", async () => {
    const error = await failure(readHcl({ files: { "modules/x/main.tf": "", "README.md": "" } }));
    expect(error.code).toBe("invalid_request");
    expect(error.summary).toBe("no Terraform configuration: the root directory has no .tf file");
  });
});

const UNKNOWNS = `provider "aws" {
  region = "eu-west-1"
}

locals {
  a = local.b
  b = local.a
  n = 2
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc_endpoint" "x" {
  count        = local.n
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.\${local.a}"
  tags = {
    Created = timestamp()
  }
  policy = data.aws_iam_policy_document.p.json
}

data "aws_iam_policy_document" "p" {
  statement {
    actions = ["s3:GetObject"]
  }
}

resource "aws_subnet" "dyn" {
  count  = length(aws_vpc_endpoint.x[0].subnet_ids)
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group" "dyn" {
  vpc_id = aws_vpc.main.id
  dynamic "ingress" {
    for_each = { https = 443, http = 80 }
    iterator = rule
    content {
      description = rule.key
      from_port   = rule.value
      to_port     = rule.value
    }
  }
}
`;

describe("readHcl: what cannot be known is left out and reported", () => {
  it("unknown functions, reference cycles, unknown count; dynamic blocks expanded", async () => {
    const model = await readHcl({ files: { "main.tf": UNKNOWNS } });
    expect(model.resources.map((r) => [r.address, r.unknown])).toEqual([
      ["aws_vpc.main", []],
      ["aws_vpc_endpoint.x[0]", ["service_name", "tags"]],
      ["aws_vpc_endpoint.x[1]", ["service_name", "tags"]],
      ["data.aws_iam_policy_document.p", []],
      ["aws_subnet.dyn", []],
      ["aws_security_group.dyn", []],
    ]);
    expect(model.resources[1]?.values).toEqual({
      vpc_id: { $ref: "aws_vpc.main", attribute: "id" },
      policy: { $ref: "data.aws_iam_policy_document.p", attribute: "json" },
    });
    expect(model.resources[5]?.values.ingress).toEqual([
      { description: "http", from_port: 80, to_port: 80 },
      { description: "https", from_port: 443, to_port: 443 },
    ]);
    expect(model.warnings.map((w) => [w.message, w.address, w.file, w.line])).toEqual([
      ["main.tf:6: local.a: is part of a reference cycle: not evaluated", "local.a", "main.tf", 6],
      [
        "main.tf:18: aws_vpc_endpoint.x[0]: service_name is not known statically (local.a is part of a reference cycle)",
        "aws_vpc_endpoint.x[0]",
        "main.tf",
        18,
      ],
      [
        "main.tf:19: aws_vpc_endpoint.x[0]: tags is not known statically (function timestamp() is not evaluated)",
        "aws_vpc_endpoint.x[0]",
        "main.tf",
        19,
      ],
      [
        "main.tf:18: aws_vpc_endpoint.x[1]: service_name is not known statically (local.a is part of a reference cycle)",
        "aws_vpc_endpoint.x[1]",
        "main.tf",
        18,
      ],
      [
        "main.tf:19: aws_vpc_endpoint.x[1]: tags is not known statically (function timestamp() is not evaluated)",
        "aws_vpc_endpoint.x[1]",
        "main.tf",
        19,
      ],
      [
        "main.tf:31: aws_subnet.dyn: count is not known statically (depends on aws_vpc_endpoint.x[0].subnet_ids, known only after apply): read as one instance",
        "aws_subnet.dyn",
        "main.tf",
        31,
      ],
    ]);
  });

  it("module for_each and count, outputs, providers = {…}, a missing and a self-calling module", async () => {
    const model = await readHcl({
      files: {
        "main.tf": `provider "aws" {
  region = "eu-west-1"
}
provider "aws" {
  alias  = "east"
  region = "us-east-1"
}
module "app" {
  source   = "./modules/app"
  for_each = { blue = "10.1.0.0/16", green = "10.2.0.0/16" }
  cidr     = each.value
  name     = each.key
  providers = {
    aws = aws.east
  }
}
module "counted" {
  count  = 2
  source = "./modules/app"
  cidr   = "10.\${count.index + 5}.0.0/16"
  name   = "c\${count.index}"
}
module "missing" {
  source = "./modules/nothing-here"
}
module "self" {
  source = "./"
}
resource "aws_vpc_peering_connection" "blue_green" {
  vpc_id      = module.app["blue"].vpc_id
  peer_vpc_id = module.app["green"].vpc_id
  tags        = { Name = module.counted[1].name }
}
`,
        "modules/app/main.tf": `variable "cidr" {}
variable "name" {}
resource "aws_vpc" "this" {
  cidr_block = var.cidr
  tags       = { Name = var.name }
}
output "vpc_id" {
  value = aws_vpc.this.id
}
output "name" {
  value = "app-\${var.name}"
}
`,
      },
    });
    expect(model.providers).toEqual({
      aws: { region: "eu-west-1" },
      "aws.east": { region: "us-east-1" },
    });
    expect(model.resources.map((r) => [r.address, r.provider, r.values])).toEqual([
      [
        "aws_vpc_peering_connection.blue_green",
        "aws",
        {
          vpc_id: { $ref: 'module.app["blue"].aws_vpc.this', attribute: "id" },
          peer_vpc_id: { $ref: 'module.app["green"].aws_vpc.this', attribute: "id" },
          tags: { Name: "app-c1" },
        },
      ],
      [
        'module.app["blue"].aws_vpc.this',
        "aws.east",
        { cidr_block: "10.1.0.0/16", tags: { Name: "blue" } },
      ],
      [
        'module.app["green"].aws_vpc.this',
        "aws.east",
        { cidr_block: "10.2.0.0/16", tags: { Name: "green" } },
      ],
      [
        "module.counted[0].aws_vpc.this",
        "aws",
        { cidr_block: "10.5.0.0/16", tags: { Name: "c0" } },
      ],
      [
        "module.counted[1].aws_vpc.this",
        "aws",
        { cidr_block: "10.6.0.0/16", tags: { Name: "c1" } },
      ],
    ]);
    expect(model.resources[1]?.source).toEqual({ file: "modules/app/main.tf", line: 3 });
    expect(model.warnings.map((w) => w.message)).toEqual([
      'main.tf:23: module.missing: module source "./modules/nothing-here": no .tf files in modules/nothing-here: its resources are skipped',
      'main.tf:26: module.self: module source "./" calls a module that calls it: skipped',
    ]);
  });

  it("the vpc-endpoints module with endpoints not known, a Region not known", async () => {
    const model = await readHcl({
      files: {
        "main.tf": `variable "endpoints" {}
data "aws_availability_zones" "all" {}
module "endpoints" {
  source    = "registry.terraform.io/terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  endpoints = var.endpoints
}
module "gw" {
  source = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  vpc_id = "vpc-1"
  endpoints = {
    dynamodb = { service = "dynamodb", service_type = "Gateway", route_table_ids = ["rtb-1"] }
  }
}
`,
      },
    });
    expect(model.providers).toEqual({ aws: {} });
    expect(model.resources.map((r) => [r.address, r.values, r.unknown])).toEqual([
      ["data.aws_availability_zones.all", {}, []],
      [
        'module.gw.aws_vpc_endpoint.this["dynamodb"]',
        { vpc_id: "vpc-1", vpc_endpoint_type: "Gateway", route_table_ids: ["rtb-1"] },
        ["service_name"],
      ],
    ]);
    expect(model.warnings.map((w) => w.message)).toEqual([
      "main.tf:2: data.aws_availability_zones.all: AZ names not known: the Region is not known (give --region)",
      "main.tf:3: module.endpoints: endpoints is not known statically (variable endpoints has no value: give it with --var or --var-file): the module's endpoints are skipped",
      'main.tf:7: module.gw.aws_vpc_endpoint.this["dynamodb"]: service_name is not known statically (the Region is not known (give --region))',
    ]);
    const withRegion = await readHcl({
      files: { "main.tf": 'data "aws_region" "r" {}\n' },
      region: "ap-south-1",
    });
    expect(withRegion.providers).toEqual({ aws: { region: "ap-south-1" } });
    expect(withRegion.resources[0]?.values).toEqual({
      name: "ap-south-1",
      id: "ap-south-1",
      region: "ap-south-1",
    });
  });
});

describe("readHcl: files not read", () => {
  it("a .tf.json file is named in a warning; files under .terraform/ are ignored", async () => {
    const model = await readHcl({
      files: {
        "main.tf": 'resource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/16"\n}\n',
        "extra.tf.json": '{"resource": {}}',
        ".terraform/modules/x/main.tf": "not even HCL {",
      },
    });
    expect(model.resources.map((r) => r.address)).toEqual(["aws_vpc.a"]);
    expect(model.warnings).toEqual([
      {
        message:
          "extra.tf.json: Terraform JSON configuration (.tf.json) is not read: its blocks are skipped",
        file: "extra.tf.json",
      },
    ]);
  });
});

describe("readHcl: hostile input is bounded", () => {
  it("a chain of 1500 resources, each reading the next one's argument, does not overflow", async () => {
    const chain = Array.from(
      { length: 1500 },
      (_, i) => `resource "aws_vpc" "r${i}" {\n  cidr_block = aws_vpc.r${i + 1}.cidr_block\n}\n`,
    ).join("");
    const text = `${chain}resource "aws_vpc" "r1500" {\n  cidr_block = "10.0.0.0/16"\n}\n`;
    const model = await readHcl({ files: { "main.tf": text } });
    expect(model.resources).toHaveLength(1501);
    // past 100 nested references, a reference stands in for the value
    expect(model.resources[0]?.values).toEqual({
      cidr_block: { $ref: expect.stringMatching(/^aws_vpc\.r\d+$/), attribute: "cidr_block" },
    });
    expect(model.resources[1500]?.values).toEqual({ cidr_block: "10.0.0.0/16" });
    expect(model.warnings.length).toBe(15);
    for (const w of model.warnings)
      expect(w.message).toMatch(
        /^main\.tf:\d+: aws_vpc\.r\d+: cidr_block is not known statically \(references nested too deeply\)$/,
      );
  });

  it("a count over the instance limit: limit_exceeded", async () => {
    const error = await failure(
      readHcl({
        files: { "main.tf": 'resource "aws_vpc_endpoint" "e" {\n  count = 1000000\n}\n' },
      }),
    );
    expect(error.code).toBe("limit_exceeded");
    expect(error.summary).toBe(
      "aws_vpc_endpoint.e has 1000000 instances, more than the 10000 an import reads",
    );
  });

  it.each([
    [
      "a string doubled 40 times",
      (i: number) => `"\${local.s${i}}\${local.s${i}}"`,
      "local.s40",
      "string too long",
    ],
    [
      "a list doubled 40 times, flattened",
      (i: number) => `[local.s${i}, local.s${i}]`,
      "length(flatten(local.s40))",
      "list too long",
    ],
    [
      "a list doubled 40 times, encoded",
      (i: number) => `[local.s${i}, local.s${i}]`,
      "jsonencode(local.s40)",
      "jsonencode: value too large",
    ],
    [
      "a chain of 400 locals",
      (i: number) => `local.s${i}`,
      "local.s400",
      "references nested too deeply",
    ],
  ])("%s: unknown, with why", async (_name, next, use, reason) => {
    const locals = Array.from({ length: 400 }, (_, i) => `  s${i + 1} = ${next(i)}`).join("\n");
    const text = `locals {\n  s0 = "ab"\n${locals}\n}\nresource "aws_vpc" "v" {\n  tags = { n = ${use} }\n}\n`;
    const started = performance.now();
    const model = await readHcl({ files: { "main.tf": text } });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(model.resources[0]?.unknown).toEqual(["tags"]);
    expect(model.warnings.map((w) => w.message)).toEqual([
      `main.tf:405: aws_vpc.v: tags is not known statically (${reason})`,
    ]);
  });
});
