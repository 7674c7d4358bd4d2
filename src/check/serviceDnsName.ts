import { AWS_REGIONS } from "../topology/awsReference.js";
import type { EndpointService, InterfaceEndpoint } from "../topology/topology.js";

/**
 * Services whose DNS name is not their endpoint service name reversed (the PrivateLink
 * guide's "AWS services that integrate with AWS PrivateLink" lists each private DNS name).
 */
const DNS_LABELS: ReadonlyMap<string, string> = new Map([
  ["kinesis-streams", "kinesis"],
  ["kinesis-firehose", "firehose"],
]);

/** A DNS name as compared: lower case, without a trailing dot or a leading "*." wildcard. */
export function dnsKey(name: string): string {
  return name.toLowerCase().replace(/\.$/, "").replace(/^\*\./, "");
}

/** The domain AWS service names of a Region live under: amazonaws.com (.cn in China). */
export function awsDomainOf(region: string): string {
  return AWS_REGIONS.get(region)?.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

/**
 * The name an AWS service answers to in a Region, which an endpoint's private DNS claims:
 * `<service>.<region>.amazonaws.com`, a dotted service name reversed (ecr.api →
 * api.ecr.us-east-1.amazonaws.com).
 */
export function awsServiceDnsName(service: string, region: string): string {
  const labels = (DNS_LABELS.get(service) ?? service).split(".").reverse().join(".");
  return `${labels}.${region}.${awsDomainOf(region)}`;
}

/**
 * The DNS name an interface endpoint in `region` serves (its private DNS name when privateDns
 * is on), compared form: the AWS service's name, the endpoint service's privateDnsName, or
 * undefined when the model does not know it (an external service, no privateDnsName).
 */
export function serviceDnsName(
  endpoint: Pick<InterfaceEndpoint, "target">,
  region: string,
  services: ReadonlyMap<string, EndpointService>,
): string | undefined {
  const { target } = endpoint;
  if (target.kind === "aws-service") return awsServiceDnsName(target.service, region);
  if (target.kind === "external") return undefined;
  const name = services.get(target.endpointService)?.privateDnsName;
  return name === undefined ? undefined : dnsKey(name);
}

/**
 * Whether a private zone named `zone` claims the name an endpoint's private DNS claims:
 * the same name, or — for an AWS service — a parent of it within amazonaws.com
 * (us-east-1.amazonaws.com holds sts.us-east-1.amazonaws.com).
 */
export function zoneClaims(
  zone: string,
  endpoint: Pick<InterfaceEndpoint, "target">,
  dnsName: string,
): boolean {
  const key = dnsKey(zone);
  if (key === dnsName) return true;
  if (endpoint.target.kind !== "aws-service" || !dnsName.endsWith(`.${key}`)) return false;
  return /(?:^|\.)amazonaws\.com(?:\.cn)?$/.test(key);
}
