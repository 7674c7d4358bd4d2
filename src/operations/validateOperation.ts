import * as z from "zod";
import { TopologySchema } from "../topology/topologySchema.js";
import { MEDIA } from "./mediaTypes.js";
import { defineOperation } from "./operation.js";
import { readTopology } from "./readTopology.js";

export const ValidationJsonSchema = z
  .object({
    valid: z.literal(true),
    accounts: z.number().int(),
    vpcs: z.number().int(),
    endpoints: z.number().int(),
    endpointServices: z.number().int(),
    hostedZones: z.number().int(),
  })
  .describe("A valid topology and what it holds");
export type ValidationJson = z.infer<typeof ValidationJsonSchema>;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** validate: a topology in, `{ valid: true, …counts }` out (or every problem, with its path). */
export const validateOperation = defineOperation({
  name: "validate",
  summary: "check a topology and report every problem with its path",
  options: z.object({}),
  formats: {
    json: {
      kind: "json",
      mediaType: MEDIA.json,
      schema: ValidationJsonSchema,
      render: (counts: ValidationJson) => counts,
    },
    text: {
      kind: "text",
      mediaType: MEDIA.text,
      render: (c: ValidationJson) =>
        `valid — ${plural(c.accounts, "account")}, ${plural(c.vpcs, "VPC")}, ${plural(c.endpoints, "endpoint")}, ${plural(c.endpointServices, "endpoint service")}, ${plural(c.hostedZones, "hosted zone")}\n`,
    },
  },
  defaultFormat: { cli: "text", api: "json" },
  route: {
    method: "POST",
    url: "/v1/validate",
    tag: "estimate",
    body: TopologySchema,
    bodyDescription: "a topology as JSON, or YAML with Content-Type: application/yaml",
  },
  run(body, _options, ctx): ValidationJson {
    const topology = readTopology(body, ctx.limits);
    let vpcs = 0;
    let endpoints = 0;
    let endpointServices = 0;
    let hostedZones = 0;
    for (const account of topology.accounts) {
      vpcs += account.vpcs.length;
      for (const vpc of account.vpcs) endpoints += vpc.endpoints.length;
      endpointServices += account.endpointServices.length;
      hostedZones += account.hostedZones.length;
    }
    return {
      valid: true,
      accounts: topology.accounts.length,
      vpcs,
      endpoints,
      endpointServices,
      hostedZones,
    };
  },
});
