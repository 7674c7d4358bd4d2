import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf, POLICY } from "../helpers/ruleCase.js";

const ID = "phz-not-associated";

/** Workload "app" of VPC "main" uses endpoint "api", aliased in a private zone associated with `zoneVpcs`. */
const zoneFor = (zoneVpcs: string) => `name: rules
accounts:
  - id: a
    vpcs:
      - id: main
        region: us-east-1
        azs: [us-east-1a, us-east-1b]
        endpoints:
          - { id: api, type: interface, service: execute-api, ${POLICY} }
        workloads:
          - { id: app, uses: [api] }
      - { id: other, region: us-east-1, azs: [us-east-1a] }
    hostedZones:
      - { id: z, name: corp.internal, vpcs: [${zoneVpcs}], records: [{ name: api.corp.internal, type: A, aliasToEndpoint: main/api }] }
`;

describe(ID, () => {
  it("finds a record aliasing an endpoint in a zone not associated with its workloads' VPC", () => {
    expectFindings(ID, zoneFor("other"), [
      {
        path: "accounts[0].hostedZones[0].records[0]",
        resource: "a/z",
        message:
          'record "api.corp.internal" of private zone "corp.internal" aliases endpoint "main/api", whose workloads in VPC "main" cannot resolve it: the zone is not associated with that VPC',
        fix: 'add "main" to the zone\'s vpcs',
      },
    ]);
  });

  it("finds nothing once the zone is associated with that VPC", () => {
    expect(findingsOf(ID, zoneFor("other, main"))).toEqual([]);
  });
});
