import { isTerraformRef } from "../terraformModel.js";
import type { NamedBlock } from "./moduleConfig.js";
import { type ReadContext, warning } from "./readContext.js";
import { type InstanceState, instanceState } from "./resourceInstances.js";
import {
  findUnresolved,
  isPlainObject,
  ModuleValue,
  opaque,
  setKey,
  sortedKeys,
  Unknown,
} from "./terraformValue.js";

type Input = (name: string) => { value: unknown } | undefined;

/** Concatenate lists and drop repeats (distinct(concat(a, b)) of the module). */
function distinctConcat(lists: unknown[]): unknown {
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    if (list === undefined || list === null) continue;
    const unknown = opaque(list);
    if (unknown) return unknown;
    if (!Array.isArray(list)) return new Unknown("a list is required");
    for (const item of list) {
      const key = isTerraformRef(item)
        ? `ref:${item.$ref}:${item.attribute}`
        : JSON.stringify(item);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

function field(object: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(object, name) ? object[name] : undefined;
}

/**
 * terraform-aws-modules/vpc/aws//modules/vpc-endpoints, read by its documented inputs:
 * one aws_vpc_endpoint.this["<key>"] per entry of `endpoints` (service_type Interface by
 * default; subnet and security group ids of the module and of the entry, distinct;
 * route_table_ids for Gateway; service_name com.amazonaws.<region>.<service>).
 */
export function vpcEndpointsModule(
  call: NamedBlock,
  address: string,
  input: Input,
  provider: string,
  ctx: ReadContext,
): { value: ModuleValue; instances: InstanceState[] } {
  const where = { file: call.file, line: call.line, address };
  const given = (name: string): unknown => input(name)?.value;
  const endpoints = given("endpoints") ?? {};
  const create = given("create") ?? true;
  const region = ctx.regionOf(provider);
  const byKey: Record<string, unknown> = {};
  const instances: InstanceState[] = [];
  const none = (why: string): { value: ModuleValue; instances: InstanceState[] } => {
    ctx.warn(warning(why, where));
    return { value: new ModuleValue(address, () => new Unknown(why)), instances: [] };
  };
  if (create === false)
    return {
      value: new ModuleValue(address, () => new Unknown(`${address} creates nothing`)),
      instances,
    };
  if (!isPlainObject(endpoints))
    return none(
      `endpoints is not known statically (${opaque(endpoints)?.reason ?? "not a map"}): the module's endpoints are skipped`,
    );
  const baseAddress = `${address}.aws_vpc_endpoint.this`;
  for (const key of sortedKeys(endpoints)) {
    const entry = endpoints[key];
    if (!isPlainObject(entry) || field(entry, "create") === false) continue;
    const type = field(entry, "service_type") ?? "Interface";
    const interfaceType = type === "Interface";
    const service = field(entry, "service");
    const serviceName =
      field(entry, "service_name") ??
      (typeof service !== "string"
        ? new Unknown("the endpoint has neither service nor service_name")
        : region === undefined
          ? new Unknown("the Region is not known (give --region)")
          : `com.amazonaws.${region}.${service}`);
    const candidate: Record<string, unknown> = {
      vpc_id: given("vpc_id") ?? new Unknown("the module's vpc_id is not set"),
      service_name: serviceName,
      vpc_endpoint_type: type,
      auto_accept: field(entry, "auto_accept"),
      security_group_ids: interfaceType
        ? distinctConcat([given("security_group_ids"), field(entry, "security_group_ids")])
        : undefined,
      subnet_ids: interfaceType
        ? distinctConcat([given("subnet_ids"), field(entry, "subnet_ids")])
        : undefined,
      route_table_ids: type === "Gateway" ? field(entry, "route_table_ids") : undefined,
      policy: field(entry, "policy"),
      private_dns_enabled: interfaceType ? field(entry, "private_dns_enabled") : undefined,
      tags:
        given("tags") !== undefined || field(entry, "tags") !== undefined
          ? {
              ...(isPlainObject(given("tags")) ? (given("tags") as object) : {}),
              ...(isPlainObject(field(entry, "tags")) ? (field(entry, "tags") as object) : {}),
            }
          : undefined,
    };
    const instanceAddress = `${baseAddress}[${JSON.stringify(key)}]`;
    const state = instanceState(
      {
        address: instanceAddress,
        baseAddress,
        mode: "managed",
        type: "aws_vpc_endpoint",
        name: "this",
        key,
        provider,
        ...(call.line === undefined ? {} : { source: { file: call.file, line: call.line } }),
      },
      () => {
        const values: Record<string, unknown> = {};
        const unknown: string[] = [];
        for (const [name, value] of Object.entries(candidate)) {
          if (value === undefined || value === null) continue;
          const unresolved = findUnresolved(value, ctx.charge);
          if (!unresolved) setKey(values, name, value);
          else {
            unknown.push(name);
            ctx.warn(
              warning(`${name} is not known statically (${unresolved.reason})`, {
                ...where,
                address: instanceAddress,
              }),
            );
          }
        }
        return { values, unknown };
      },
      ctx.nested,
    );
    setKey(byKey, key, state.value);
    instances.push(state);
  }
  const value = new ModuleValue(address, (name) =>
    name === "endpoints" ? byKey : new Unknown(`output ${name} of ${address} is not known`),
  );
  return { value, instances };
}
