import { isTerraformRef } from "../terraformModel.js";
import {
  emptyVpcDraft,
  externalVpcKey,
  type MappingContext,
  type VpcDraftDoc,
  vpcOf,
} from "./mappingContext.js";
import { idSlug } from "./terraformIds.js";

/** Resource types placed in a VPC by their vpc_id. */
const IN_A_VPC = ["aws_subnet", "aws_security_group", "aws_route_table", "aws_vpc_endpoint"];

/**
 * A VPC for each vpc_id that names no aws_vpc of the configuration (a literal id, a data
 * source, a variable without value), so that what is in it is still modelled; each with a
 * warning. Its region and account are those of the first resource in it.
 */
export function mapExternalVpcs(ctx: MappingContext): void {
  const taken = new Set([...ctx.vpcs.values()].map((v) => v.doc.id));
  for (const type of IN_A_VPC) {
    for (const resource of ctx.index.ofType(type)) {
      const value = resource.values.vpc_id;
      if (vpcOf(ctx, value, resource)) continue;
      const key = externalVpcKey(ctx, value, resource);
      if (key === undefined) continue;
      const [target] = ctx.index.resolve(value);
      const label =
        typeof value === "string"
          ? value
          : isTerraformRef(value)
            ? (target?.address ?? value.$ref)
            : "a VPC not known statically";
      const base =
        (typeof value === "string"
          ? idSlug(value)
          : isTerraformRef(value)
            ? idSlug((target?.address ?? value.$ref).split(".").slice(-1)[0] ?? "")
            : "") || "vpc";
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      const doc: VpcDraftDoc = emptyVpcDraft(id, label, ctx.regionOf(resource));
      ctx.vpcs.set(key, { account: ctx.accountOf(resource), doc });
      ctx.warn(
        `vpc_id: ${label} is not an aws_vpc of this configuration: modelled as VPC "${id}" from the resources in it`,
        resource,
      );
    }
  }
}
