/**
 * A plan JSON (format 1.2) of a VPC with 3 subnets (count), a security group and
 * `resources × keys` aws_vpc_endpoint instances (for_each), half of the resources in
 * module.endpoints: every endpoint's vpc_id, subnet_ids and security_group_ids unknown at
 * plan time, recoverable from the configuration's references.
 */
export function generatedPlan(resources: number, keys: number): unknown {
  const provider_name = "registry.terraform.io/hashicorp/aws";
  const instance = (
    module: string,
    type: string,
    name: string,
    index: string | number | undefined,
  ) => {
    const local = `${type}.${name}${index === undefined ? "" : typeof index === "number" ? `[${index}]` : `[${JSON.stringify(index)}]`}`;
    return module ? `${module}.${local}` : local;
  };
  const planned: Record<string, unknown[]> = { "": [], "module.endpoints": [] };
  const changes: unknown[] = [];
  const add = (
    module: string,
    type: string,
    name: string,
    index: string | number | undefined,
    values: object,
    unknown: object,
  ) => {
    const address = instance(module, type, name, index);
    planned[module]?.push({
      address,
      mode: "managed",
      type,
      name,
      ...(index === undefined ? {} : { index }),
      provider_name,
      values,
    });
    changes.push({
      address,
      mode: "managed",
      type,
      name,
      ...(index === undefined ? {} : { index }),
      provider_name,
      change: {
        actions: ["create"],
        before: null,
        after: values,
        after_unknown: { id: true, arn: true, ...unknown },
      },
    });
  };
  add("", "aws_vpc", "main", undefined, { cidr_block: "10.0.0.0/16" }, {});
  for (let i = 0; i < 3; i++)
    add("", "aws_subnet", "private", i, { cidr_block: `10.0.${i}.0/24` }, { vpc_id: true });
  add("", "aws_security_group", "endpoints", undefined, { name: "endpoints" }, { vpc_id: true });
  const byVpc = { vpc_id: { references: ["aws_vpc.main.id", "aws_vpc.main"] } };
  const rootConfig: unknown[] = [
    {
      address: "aws_vpc.main",
      mode: "managed",
      type: "aws_vpc",
      name: "main",
      provider_config_key: "aws",
      expressions: {},
    },
    {
      address: "aws_subnet.private",
      mode: "managed",
      type: "aws_subnet",
      name: "private",
      provider_config_key: "aws",
      expressions: byVpc,
    },
    {
      address: "aws_security_group.endpoints",
      mode: "managed",
      type: "aws_security_group",
      name: "endpoints",
      provider_config_key: "aws",
      expressions: byVpc,
    },
  ];
  const moduleConfig: unknown[] = [];
  const endpointUnknown = {
    vpc_id: true,
    subnet_ids: true,
    security_group_ids: true,
    dns_entry: true,
  };
  for (let r = 0; r < resources; r++) {
    const module = r % 2 === 0 ? "" : "module.endpoints";
    const name = `ep_${r}`;
    for (let k = 0; k < keys; k++) {
      add(
        module,
        "aws_vpc_endpoint",
        name,
        `svc${k}`,
        {
          service_name: `com.amazonaws.eu-west-1.svc${k}`,
          vpc_endpoint_type: "Interface",
          private_dns_enabled: true,
        },
        endpointUnknown,
      );
    }
    const expressions = module
      ? {
          vpc_id: { references: ["var.vpc_id"] },
          subnet_ids: { references: ["var.subnet_ids"] },
          security_group_ids: { references: ["var.security_group_id"] },
        }
      : {
          vpc_id: { references: ["aws_vpc.main.id", "aws_vpc.main"] },
          subnet_ids: { references: ["aws_subnet.private"] },
          security_group_ids: {
            references: ["aws_security_group.endpoints.id", "aws_security_group.endpoints"],
          },
        };
    (module ? moduleConfig : rootConfig).push({
      address: `aws_vpc_endpoint.${name}`,
      mode: "managed",
      type: "aws_vpc_endpoint",
      name,
      provider_config_key: "aws",
      expressions,
    });
  }
  return {
    format_version: "1.2",
    planned_values: {
      root_module: {
        resources: planned[""],
        child_modules: [{ address: "module.endpoints", resources: planned["module.endpoints"] }],
      },
    },
    resource_changes: changes,
    configuration: {
      provider_config: {
        aws: {
          name: "aws",
          full_name: provider_name,
          expressions: { region: { constant_value: "eu-west-1" } },
        },
      },
      root_module: {
        resources: rootConfig,
        module_calls: {
          endpoints: {
            source: "./modules/endpoints",
            expressions: {
              vpc_id: { references: ["aws_vpc.main.id", "aws_vpc.main"] },
              subnet_ids: { references: ["aws_subnet.private"] },
              security_group_id: {
                references: ["aws_security_group.endpoints.id", "aws_security_group.endpoints"],
              },
            },
            module: { resources: moduleConfig },
          },
        },
      },
    },
  };
}
