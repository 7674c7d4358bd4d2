/**
 * What the Terraform readers (HCL directory, plan/state JSON) produce and the mapping to a
 * linkplan topology reads: resource instances with their evaluated values, where a value
 * that points at another resource is kept as a reference to that instance.
 */

/**
 * A value that refers to an attribute of another resource instance, kept symbolic because
 * Terraform knows it only after apply (an id, an ARN, a DNS name): `aws_subnet.private[0]`
 * + `id`, `module.vpc.aws_lb.api` + `arn`, `aws_vpc_endpoint.x` + `dns_entry[0].dns_name`.
 */
export interface TerraformRef {
  /** absolute address of the instance referred to, with its key: module.m.aws_subnet.a["x"] */
  $ref: string;
  /** the attribute path after the instance: "id", "arn", "dns_entry[0].dns_name" */
  attribute: string;
}

/** One resource (or data source) instance. */
export interface TerraformResource {
  /** absolute instance address: module.endpoints.aws_vpc_endpoint.this["logs"] */
  address: string;
  /** the address without the instance key: module.endpoints.aws_vpc_endpoint.this */
  baseAddress: string;
  mode: "managed" | "data";
  /** resource type, e.g. aws_vpc_endpoint */
  type: string;
  /** resource name, e.g. this */
  name: string;
  /** the count index or for_each key, when the resource has one */
  key?: string | number;
  /**
   * Evaluated arguments (and, from a plan or state, computed attributes such as id and arn).
   * Nested blocks are arrays of objects. A reference to another instance is a TerraformRef;
   * a value not known statically (or at plan time) is absent and named in `unknown`.
   */
  values: Record<string, unknown>;
  /** arguments whose value is unknown, e.g. ["subnet_ids"] */
  unknown: string[];
  /** the provider configuration: "aws" or "aws.<alias>" */
  provider: string;
  /** where it is written, when known (file relative to the root directory, 1-based line) */
  source?: { file: string; line: number };
}

/** Something the import assumed, could not know, or skipped: reported, never an error. */
export interface TerraformWarning {
  message: string;
  /** the Terraform address it concerns, when any */
  address?: string;
  file?: string;
  line?: number;
}

/** The Terraform configuration (or plan) as resource instances, ready to map. */
export interface TerraformModel {
  resources: TerraformResource[];
  /** region of each provider configuration ("aws", "aws.consumer"), when known */
  providers: Record<string, { region?: string }>;
  warnings: TerraformWarning[];
}

/** Whether a value is a reference to another instance's attribute. */
export function isTerraformRef(value: unknown): value is TerraformRef {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as TerraformRef).$ref === "string" &&
    typeof (value as TerraformRef).attribute === "string"
  );
}
