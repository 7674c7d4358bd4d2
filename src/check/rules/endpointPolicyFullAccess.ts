import { type CheckRule, findingOf, vpcsOf } from "../checkRule.js";

const ANY = (value: unknown): boolean =>
  value === "*" || (Array.isArray(value) && value.includes("*"));

/** Whether a policy statement allows every action on every resource to every principal. */
function allowsEverything(statement: unknown): boolean {
  if (typeof statement !== "object" || statement === null) return false;
  const s = statement as Record<string, unknown>;
  const principal = s.Principal;
  const anyone =
    principal === undefined ||
    ANY(principal) ||
    (typeof principal === "object" &&
      principal !== null &&
      ANY((principal as { AWS?: unknown }).AWS));
  return (
    s.Effect === "Allow" && ANY(s.Action) && ANY(s.Resource) && anyone && s.Condition === undefined
  );
}

function statementsOf(policy: unknown): unknown[] {
  let document = policy;
  if (typeof policy === "string") {
    try {
      document = JSON.parse(policy);
    } catch {
      return [];
    }
  }
  const statement = (document as { Statement?: unknown } | null)?.Statement;
  return Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
}

/** An endpoint to an AWS service with the default (full access) policy, or one as open. */
export const endpointPolicyFullAccess: CheckRule = {
  id: "endpoint-policy-full-access",
  severity: "warning",
  summary:
    "an endpoint to an AWS service with no policy (full access) or a statement allowing * on * to *",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html",
  check({ topology }) {
    const findings = [];
    for (const { account, vpc, path } of vpcsOf(topology)) {
      for (const [e, endpoint] of vpc.endpoints.entries()) {
        if (endpoint.type === "gwlb") continue;
        if (endpoint.type === "interface" && endpoint.target.kind !== "aws-service") continue;
        const service =
          endpoint.type === "gateway"
            ? endpoint.service
            : endpoint.target.kind === "aws-service"
              ? endpoint.target.service
              : "";
        const open =
          endpoint.policy === undefined || statementsOf(endpoint.policy).some(allowsEverything);
        if (!open) continue;
        findings.push(
          findingOf(this, {
            message:
              endpoint.policy === undefined
                ? `endpoint "${endpoint.id}" (${service}) has no policy: the default allows any principal every action on every resource through it, other accounts' resources included (a path for data exfiltration)`
                : `endpoint "${endpoint.id}" (${service}) has a policy statement allowing every action on every resource to every principal`,
            fix: "give the endpoint a policy naming the actions and resources (e.g. your buckets or repositories) its workloads need",
            path: `${path}.endpoints[${e}]${endpoint.policy === undefined ? "" : ".policy"}`,
            resource: `${account.id}/${vpc.id}/${endpoint.id}`,
          }),
        );
      }
    }
    return findings;
  },
};
