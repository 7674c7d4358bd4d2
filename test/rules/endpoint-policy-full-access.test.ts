import { describe, expect, it } from "vitest";
import { expectFindings, findingsOf, POLICY, vpcTopology } from "../helpers/ruleCase.js";

const ID = "endpoint-policy-full-access";

const FIX =
  "give the endpoint a policy naming the actions and resources (e.g. your buckets or repositories) its workloads need";

describe(ID, () => {
  it("finds an endpoint without a policy, and a policy allowing * on * to *", () => {
    const yaml = vpcTopology(`endpoints:
  - { id: logs, type: interface, service: logs }
  - { id: s3, type: gateway, service: s3, policy: { Statement: [{ Effect: Allow, Principal: { AWS: "*" }, Action: "*", Resource: "*" }] } }`);
    expectFindings(ID, yaml, [
      {
        path: "accounts[0].vpcs[0].endpoints[0]",
        resource: "a/main/logs",
        message:
          'endpoint "logs" (logs) has no policy: the default allows any principal every action on every resource through it, other accounts\' resources included (a path for data exfiltration)',
        fix: FIX,
      },
      {
        path: "accounts[0].vpcs[0].endpoints[1].policy",
        resource: "a/main/s3",
        message:
          'endpoint "s3" (s3) has a policy statement allowing every action on every resource to every principal',
        fix: FIX,
      },
    ]);
  });

  it("finds nothing for an endpoint whose policy names its actions and resources", () => {
    const yaml = vpcTopology(
      `endpoints:\n  - { id: logs, type: interface, service: logs, ${POLICY} }`,
    );
    expect(findingsOf(ID, yaml)).toEqual([]);
  });
});
