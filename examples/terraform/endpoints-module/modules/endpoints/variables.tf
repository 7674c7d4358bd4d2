variable "region" {}
variable "vpc_id" {}
variable "subnet_ids" {}
variable "route_table_ids" {}
variable "security_group_id" {}
