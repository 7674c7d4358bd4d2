import { estimate } from "../../../src/estimate/estimate.js";
import { bundledCatalog } from "../../../src/pricing/bundledCatalog.js";
import { mapTerraform } from "../../../src/terraform/mapping/mapTerraform.js";
import { withSources } from "../../../src/terraform/mapping/withSources.js";
import type {
  TerraformModel,
  TerraformRef,
  TerraformResource,
} from "../../../src/terraform/terraformModel.js";
import { parseTopology } from "../../../src/topology/parseTopology.js";

/** A reference to an instance's attribute (default: id). */
export function ref(address: string, attribute = "id"): TerraformRef {
  return { $ref: address, attribute };
}

/** A managed resource instance from its address: type, name, key and base address derived. */
export function res(
  address: string,
  values: Record<string, unknown>,
  options: { provider?: string; unknown?: string[]; line?: number } = {},
): TerraformResource {
  const m = /^((?:module\.[^.]+\.)*)([a-z0-9_]+)\.([A-Za-z0-9_-]+)(?:\[(?:"(.*)"|(\d+))\])?$/.exec(
    address,
  );
  if (!m) throw new Error(`bad address ${address}`);
  const [, modules = "", type = "", name = "", textKey, numberKey] = m;
  const resource: TerraformResource = {
    address,
    baseAddress: `${modules}${type}.${name}`,
    mode: "managed",
    type,
    name,
    values,
    unknown: options.unknown ?? [],
    provider: options.provider ?? "aws",
  };
  if (textKey !== undefined) resource.key = textKey;
  if (numberKey !== undefined) resource.key = Number(numberKey);
  if (options.line !== undefined) resource.source = { file: "main.tf", line: options.line };
  return resource;
}

export function model(
  resources: TerraformResource[],
  providers: TerraformModel["providers"] = { aws: { region: "us-east-1" } },
): TerraformModel {
  return { resources, providers, warnings: [] };
}

/** aws_vpc.<name> with two private subnets and a route table each, in the region's a and b AZs. */
export function network(
  name: string,
  region: string,
  cidr: string,
  provider = "aws",
): TerraformResource[] {
  const vpc = `aws_vpc.${name}`;
  const p = { provider };
  return [
    res(vpc, { cidr_block: cidr, enable_dns_support: true, enable_dns_hostnames: true }, p),
    ...[0, 1].flatMap((i) => [
      res(
        `aws_subnet.${name}_private[${i}]`,
        {
          vpc_id: ref(vpc),
          cidr_block: cidr.replace(/\.0\.0\/16$/, `.${i + 1}.0/24`),
          availability_zone: `${region}${"ab"[i]}`,
        },
        p,
      ),
      res(`aws_route_table.${name}_private[${i}]`, { vpc_id: ref(vpc) }, p),
      res(
        `aws_route_table_association.${name}_private[${i}]`,
        {
          subnet_id: ref(`aws_subnet.${name}_private[${i}]`),
          route_table_id: ref(`aws_route_table.${name}_private[${i}]`),
        },
        p,
      ),
    ]),
  ];
}

/** The subnet refs of network(name) as a splat gives them. */
export function subnetRefs(name: string) {
  return [0, 1].map((i) => ref(`aws_subnet.${name}_private[${i}]`));
}

export function tableRefs(name: string) {
  return [0, 1].map((i) => ref(`aws_route_table.${name}_private[${i}]`));
}

/** Map, validate (parseTopology) and estimate with the bundled catalog. */
export function priced(m: TerraformModel, options: Parameters<typeof mapTerraform>[1] = {}) {
  const mapped = mapTerraform(m, options);
  withSources(mapped);
  const topology = parseTopology(mapped.topology);
  return { ...mapped, parsed: topology, estimate: estimate(topology, bundledCatalog()) };
}
