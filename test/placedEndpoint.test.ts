import { describe, expect, it } from "vitest";
import { placedEndpoint } from "../src/topology/placedEndpoint.js";
import type { EndpointTarget, Eni } from "../src/topology/topology.js";
import {
  type GwlbEndpointDoc,
  GwlbEndpointSchema,
  type InterfaceEndpointDoc,
  InterfaceEndpointSchema,
} from "../src/topology/topologySchema.js";

const enis: Eni[] = [{ az: "us-east-1a", subnet: "private-a" }];
const target: EndpointTarget = { kind: "aws-service", service: "ssm" };

/** A document endpoint with every member of `keys` set to a value of its own. */
function everyMember(keys: string[], type: string): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, key === "type" ? type : { member: key }]));
}

describe("placedEndpoint", () => {
  it.each([
    ["interface", Object.keys(InterfaceEndpointSchema.shape)],
    ["gwlb", Object.keys(GwlbEndpointSchema.shape)],
  ])("keeps every member of the %s endpoint schema but its placement", (type, keys) => {
    const doc = everyMember(keys, type) as unknown as InterfaceEndpointDoc | GwlbEndpointDoc;
    const placed = placedEndpoint(doc, enis, target) as unknown as Record<string, unknown>;
    const kept = keys.filter((key) => key !== "azs" && key !== "subnets");
    expect(Object.keys(placed).sort()).toEqual([...kept, "enis", "target"].sort());
    for (const key of kept) expect(placed[key], key).toBe((doc as Record<string, unknown>)[key]);
    expect(placed.enis).toBe(enis);
    expect(placed.target).toBe(target);
  });

  it("gives every interface endpoint one shape, members absent or not", () => {
    const bare = InterfaceEndpointSchema.parse({ id: "a", type: "interface", service: "ssm" });
    const full = InterfaceEndpointSchema.parse({
      id: "b",
      type: "interface",
      service: "ssm",
      name: "SSM",
      privateDns: true,
      azs: ["us-east-1a"],
    });
    expect(Object.keys(placedEndpoint(bare, enis, target))).toEqual(
      Object.keys(placedEndpoint(full, enis, target)),
    );
    expect(placedEndpoint(full, enis, target)).toMatchObject({ name: "SSM", privateDns: true });
  });
});
