import { type CidrBlock, parseCidr } from "../../topology/cidrBlock.js";
import type { InterfaceEndpoint, Topology, Vpc } from "../../topology/topology.js";
import type { SecurityGroupRuleDoc, WorkloadDoc } from "../../topology/topologySchema.js";
import { type CheckLookup, type CheckRule, findingOf, vpcsOf } from "../checkRule.js";

/** A workload calling an endpoint: its VPC, and its label as the endpoint's VPC sees it. */
interface Client {
  vpc: Vpc;
  workload: WorkloadDoc;
  label: string;
}

/** What AWS gives a VPC's default group when the model does not define it: all from members. */
const DEFAULT_INGRESS: readonly SecurityGroupRuleDoc[] = [
  { protocol: "all", securityGroups: ["default"] },
];

/** Each endpoint ("vpc/endpoint") with the workloads that use it, each once, in document order. */
function clientsOf(topology: Topology): Map<string, Client[]> {
  const clients = new Map<string, Client[]>();
  for (const { vpc } of vpcsOf(topology)) {
    for (const workload of vpc.workloads) {
      const keys = new Set(workload.uses.map((u) => (u.includes("/") ? u : `${vpc.id}/${u}`)));
      for (const key of keys) {
        const list = clients.get(key) ?? [];
        const label = key.startsWith(`${vpc.id}/`) ? workload.id : `${vpc.id}/${workload.id}`;
        list.push({ vpc, workload, label });
        clients.set(key, list);
      }
    }
  }
  return clients;
}

/** The TCP ports the endpoint's clients connect to: its service's listeners, else HTTPS. */
function portsOf(endpoint: InterfaceEndpoint, lookup: CheckLookup): number[] {
  if (endpoint.target.kind !== "endpoint-service") return [443];
  const service = lookup.services.get(endpoint.target.endpointService);
  const lbVpc = service ? lookup.vpcs.get(service.vpc) : undefined;
  const lb = lbVpc?.loadBalancers.find((l) => l.id === service?.loadBalancer);
  return lb ? [...new Set(lb.listenerPorts)] : [443];
}

/** Where a workload's address may be: its subnet's block, else its VPC's; null if unknown. */
function blocksOf({ vpc, workload }: Client): CidrBlock[] | null {
  const subnet = vpc.subnets.find((s) => s.id === workload.subnet);
  const texts =
    subnet?.cidr !== undefined
      ? [subnet.cidr]
      : [vpc.cidr, ...(vpc.secondaryCidrs ?? [])].filter((t) => t !== undefined);
  const blocks = texts.map(parseCidr).filter((b): b is CidrBlock => !("error" in b));
  return blocks.length > 0 ? blocks : null;
}

/** The workload's address block to name: its subnet's CIDR, else its VPC's (if known). */
function cidrOf({ vpc, workload }: Client): string | undefined {
  return vpc.subnets.find((s) => s.id === workload.subnet)?.cidr ?? vpc.cidr;
}

/** The source to allow in a fix: the workload's block, else its group (same VPC) or VPC. */
function sourceOf(client: Client, sameVpc: boolean): string {
  const cidr = cidrOf(client);
  if (cidr !== undefined) return cidr;
  if (sameVpc) return `security group "${client.workload.securityGroups[0] ?? "default"}"`;
  return `the CIDR of VPC "${client.vpc.id}"`;
}

/**
 * Whether an inbound rule may admit TCP `port` from the client: only what is provable is
 * a block, so a CIDR that overlaps the client's possible addresses (or any CIDR, when they
 * are unknown) admits it. Groups match only within the endpoint's VPC.
 */
function admits(
  rule: SecurityGroupRuleDoc,
  port: number,
  client: Client,
  blocks: CidrBlock[] | null,
  sameVpc: boolean,
): boolean {
  if (rule.protocol === "udp" || rule.protocol === "icmp") return false;
  if (rule.protocol === "tcp") {
    const from = rule.fromPort ?? 0;
    const to = rule.toPort ?? rule.fromPort ?? 65535;
    if (port < from || port > to) return false;
  }
  const groups =
    client.workload.securityGroups.length > 0 ? client.workload.securityGroups : ["default"];
  if (sameVpc && rule.securityGroups?.some((g) => groups.includes(g))) return true;
  return (
    rule.cidrs?.some((text) => {
      const block = parseCidr(text);
      if ("error" in block) return false;
      return (
        blocks === null ||
        blocks.some(
          (b) => b.family === block.family && b.start <= block.end && block.start <= b.end,
        )
      );
    }) ?? false
  );
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(", ");

/** A workload the endpoint shuts out: on which ports (listed), and whether it is in its VPC. */
interface Blocked {
  client: Client;
  ports: string;
  sameVpc: boolean;
}

/** The message and fix for the workloads an endpoint's groups (`groups`, in use) shut out. */
function wording(
  endpoint: InterfaceEndpoint,
  vpc: Vpc,
  groups: readonly string[],
  blocked: readonly Blocked[],
): { message: string; fix: string } {
  const byPorts = new Map<string, string[]>();
  for (const { client, ports } of blocked) {
    const cidr = cidrOf(client);
    const address = cidr === undefined ? "" : ` (${cidr})`;
    byPorts.set(ports, [...(byPorts.get(ports) ?? []), `"${client.label}"${address}`]);
  }
  const what = [...byPorts]
    .map(
      ([ports, ws]) =>
        `no TCP ${ports} from ${plural(ws.length, "workload", "workloads")} ${ws.join(" and ")}`,
    )
    .join(" and ");
  const them = plural(blocked.length, "it", "them");
  const their = plural(blocked.length, "its", "their");
  const own = endpoint.securityGroups.length > 0;
  const defined = vpc.securityGroups.some((g) => g.id === "default");
  const inDefault = `it has no security groups, so it is in the default group of VPC "${vpc.id}"`;
  const why = own
    ? `no inbound rule of its ${plural(groups.length, "security group", "security groups")} ${quoted(groups)} admits ${them}`
    : defined
      ? `${inDefault}, and no inbound rule of that group admits ${them}`
      : `${inDefault}, which lets in only its own members`;
  const allow = blocked
    .map(
      ({ client, ports, sameVpc }) =>
        `TCP ${ports} from ${sourceOf(client, sameVpc)} (workload "${client.label}")`,
    )
    .join(" and ");
  return {
    message: `endpoint "${endpoint.id}" lets in ${what}: ${why}, so ${their} connections time out`,
    fix:
      own || defined
        ? `allow ${allow} in security group "${groups[0]}"`
        : `give endpoint "${endpoint.id}" a security group that allows ${allow}`,
  };
}

/** Security groups of an interface endpoint that let a workload using it not connect. */
export const endpointSgBlocksHttps: CheckRule = {
  id: "endpoint-sg-blocks-https",
  severity: "error",
  summary:
    "an interface endpoint whose security groups do not let in TCP 443 (or the service's listener ports) from a workload that uses it",
  docs: "https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html#create-interface-endpoint-prerequisites",
  check({ topology, lookup }) {
    const findings = [];
    const clients = clientsOf(topology);
    for (const { account, vpc, path } of vpcsOf(topology)) {
      for (const [e, endpoint] of vpc.endpoints.entries()) {
        if (endpoint.type !== "interface") continue;
        const users = clients.get(`${vpc.id}/${endpoint.id}`) ?? [];
        if (users.length === 0) continue;
        const ports = portsOf(endpoint, lookup);
        const groups = endpoint.securityGroups.length > 0 ? endpoint.securityGroups : ["default"];
        const rules = groups.flatMap((id) => {
          const group = vpc.securityGroups.find((g) => g.id === id);
          return group ? group.ingress : id === "default" ? DEFAULT_INGRESS : [];
        });
        const blocked = users.flatMap((client) => {
          const sameVpc = client.vpc.id === vpc.id;
          const blocks = blocksOf(client);
          const shut = ports.filter(
            (port) => !rules.some((rule) => admits(rule, port, client, blocks, sameVpc)),
          );
          return shut.length > 0 ? [{ client, ports: shut.join(", "), sameVpc }] : [];
        });
        if (blocked.length === 0) continue;
        findings.push(
          findingOf(this, {
            ...wording(endpoint, vpc, groups, blocked),
            path: `${path}.endpoints[${e}].securityGroups`,
            resource: `${account.id}/${vpc.id}/${endpoint.id}`,
          }),
        );
      }
    }
    return findings;
  },
};
