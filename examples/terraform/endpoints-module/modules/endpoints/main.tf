locals {
  # what a private EKS or ECS cluster pulls images, logs and secrets through
  interface_services = ["ecr.api", "ecr.dkr", "logs", "sts", "secretsmanager", "kms"]
  gateway_services   = ["s3", "dynamodb"]
}

resource "aws_vpc_endpoint" "interface" {
  for_each = toset(local.interface_services)

  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.${var.region}.${each.value}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = var.subnet_ids
  security_group_ids  = [var.security_group_id]
  private_dns_enabled = true

  tags = {
    Name = "${replace(each.value, ".", "-")}-vpce"
  }
}

resource "aws_vpc_endpoint" "gateway" {
  for_each = toset(local.gateway_services)

  vpc_id            = var.vpc_id
  service_name      = "com.amazonaws.${var.region}.${each.value}"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = var.route_table_ids
}
