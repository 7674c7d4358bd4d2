# A workload VPC whose private subnets reach AWS services through VPC endpoints,
# created by a local module. Try: linkplan import examples/terraform/endpoints-module
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  default = "us-east-1"
}

variable "az_count" {
  default = 3
}

data "aws_availability_zones" "available" {
  state = "available"
}

resource "aws_vpc" "workload" {
  cidr_block           = "10.40.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}

resource "aws_subnet" "private" {
  count             = var.az_count
  vpc_id            = aws_vpc.workload.id
  cidr_block        = cidrsubnet(aws_vpc.workload.cidr_block, 8, count.index)
  availability_zone = data.aws_availability_zones.available.names[count.index]
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.workload.id
}

resource "aws_route_table_association" "private" {
  count          = var.az_count
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}

resource "aws_security_group" "endpoints" {
  name   = "vpc-endpoints"
  vpc_id = aws_vpc.workload.id

  ingress {
    description = "HTTPS from the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.workload.cidr_block]
  }
}

module "endpoints" {
  source = "./modules/endpoints"

  region            = var.region
  vpc_id            = aws_vpc.workload.id
  subnet_ids        = aws_subnet.private[*].id
  route_table_ids   = [aws_route_table.private.id]
  security_group_id = aws_security_group.endpoints.id
}
