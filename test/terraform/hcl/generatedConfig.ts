// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Terraform templates

const SERVICES = [
  "logs",
  "sts",
  "ssm",
  "kms",
  "ecr.api",
  "ecr.dkr",
  "secretsmanager",
  "sqs",
  "sns",
  "events",
];

/** 50 files of 10 aws_vpc_endpoint each, plus the VPC, subnets and variables they use. */
export function generatedConfig(): Record<string, string> {
  const files: Record<string, string> = {
    "main.tf": `provider "aws" {
  region = var.region
}

variable "region" {
  default = "eu-west-1"
}

locals {
  azs = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  count             = length(local.azs)
  vpc_id            = aws_vpc.main.id
  availability_zone = local.azs[count.index]
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}
`,
  };
  for (let f = 0; f < 50; f += 1) {
    const blocks = SERVICES.map(
      (service, r) => `resource "aws_vpc_endpoint" "team${f}_${r}" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.\${var.region}.${service}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.private[*].id
  private_dns_enabled = true

  tags = {
    Team = "team-${f}"
    Name = "${service}-\${var.region}"
  }
}
`,
    );
    files[`team${String(f).padStart(2, "0")}.tf`] = blocks.join("\n");
  }
  return files;
}
