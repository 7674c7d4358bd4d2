import type { IncomingMessage, ServerResponse } from "node:http";
import { AWS_SERVICES, offeredIn } from "../../src/topology/awsReference.js";
import { type LocalServer, startLocalServer } from "./localServer.js";

/** A service as the stand-in lists it (DescribeVpcEndpointServices ServiceDetail fields). */
export interface FakeEndpointService {
  name: string;
  types: string[];
  owner: string;
}

/** One DescribeVpcEndpointServices request as the server saw it. */
export interface Ec2RequestLog {
  action: string | null;
  /** the Region of the request's signature (its credential scope) */
  region: string | undefined;
  signed: boolean;
  maxResults: string | null;
  nextToken: string | null;
  status: number;
}

export interface Ec2ServerOptions {
  /** the services each Region lists */
  services: Record<string, FakeEndpointService[]>;
  /** most services per page, so Regions take several pages */
  pageSize: number;
  /** answer the requests of these Regions (every Region: "*") with this EC2 error instead */
  failWith?: { regions: string[]; code: string; message: string; status: number };
}

export interface Ec2Server extends LocalServer {
  requests: Ec2RequestLog[];
}

const XMLNS = "http://ec2.amazonaws.com/doc/2016-11-15/";

function xmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function detailXml(service: FakeEndpointService): string {
  const types = service.types
    .map((t) => `<item><serviceType>${xmlText(t)}</serviceType></item>`)
    .join("");
  return `<item><serviceName>${xmlText(service.name)}</serviceName><serviceType>${types}</serviceType><owner>${xmlText(service.owner)}</owner></item>`;
}

/**
 * A local stand-in for Amazon EC2's Query API on 127.0.0.1, for DescribeVpcEndpointServices
 * only: `POST /` with a form body (Action, Version, MaxResults, NextToken), signed with
 * SigV4 for the Region asked about (the credential scope names it: one endpoint serves every
 * Region). Answers the Region's services a page at a time, as EC2's XML, or EC2's error XML.
 */
export async function startEc2Server(options: Ec2ServerOptions): Promise<Ec2Server> {
  const requests: Ec2RequestLog[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse, text: string) => {
    const form = new URLSearchParams(text);
    const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/ec2\/aws4_request/.exec(
      req.headers.authorization ?? "",
    );
    const log: Ec2RequestLog = {
      action: form.get("Action"),
      region: scope?.[1],
      signed: scope !== null,
      maxResults: form.get("MaxResults"),
      nextToken: form.get("NextToken"),
      status: 200,
    };
    requests.push(log);
    const answer = (status: number, xml: string) => {
      log.status = status;
      res.writeHead(status, { "content-type": "text/xml;charset=UTF-8" });
      res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
    };
    const error = (status: number, code: string, message: string) =>
      answer(
        status,
        `<Response><Errors><Error><Code>${code}</Code><Message>${xmlText(message)}</Message></Error></Errors><RequestID>req-${requests.length}</RequestID></Response>`,
      );
    if (req.method !== "POST" || log.action !== "DescribeVpcEndpointServices") {
      error(400, "InvalidAction", `The action ${log.action} is not valid for this web service.`);
      return;
    }
    if (!log.signed || log.region === undefined) {
      error(401, "AuthFailure", "AWS was not able to validate the provided access credentials");
      return;
    }
    const fail = options.failWith;
    if (fail && (fail.regions.includes("*") || fail.regions.includes(log.region))) {
      error(fail.status, fail.code, fail.message);
      return;
    }
    const all = options.services[log.region] ?? [];
    const offset = log.nextToken === null ? 0 : Number(log.nextToken.replace(/^page-/, ""));
    const size = Math.min(options.pageSize, Number(log.maxResults ?? 1000));
    const page = all.slice(offset, offset + size);
    const next = offset + size < all.length ? `page-${offset + size}` : undefined;
    answer(
      200,
      `<DescribeVpcEndpointServicesResponse xmlns="${XMLNS}"><requestId>req-${requests.length}</requestId>` +
        `<serviceNameSet>${page.map((s) => `<item>${xmlText(s.name)}</item>`).join("")}</serviceNameSet>` +
        `<serviceDetailSet>${page.map(detailXml).join("")}</serviceDetailSet>` +
        (next === undefined ? "" : `<nextToken>${next}</nextToken>`) +
        "</DescribeVpcEndpointServicesResponse>",
    );
  };
  return { ...(await startLocalServer(handle)), requests };
}

/** A few services of a Region as EC2 lists them: AWS ones and one of another account. */
export function regionServices(region: string, extra: string[] = []): FakeEndpointService[] {
  const aws = (name: string, ...types: string[]) => ({ name, types, owner: "amazon" });
  return [
    aws(`com.amazonaws.${region}.dynamodb`, "Gateway", "Interface"),
    aws(`com.amazonaws.${region}.ecr.api`, "Interface"),
    aws(`com.amazonaws.${region}.ecr.dkr`, "Interface"),
    aws(`com.amazonaws.${region}.logs`, "Interface"),
    aws(`com.amazonaws.${region}.s3`, "Gateway", "Interface"),
    aws(`com.amazonaws.${region}.sts`, "Interface"),
    {
      name: `com.amazonaws.vpce.${region}.vpce-svc-0123456789abcdef0`,
      types: ["Interface"],
      owner: "123456789012",
    },
    ...extra.map((name) => aws(`com.amazonaws.${region}.${name}`, "Interface")),
  ];
}

const EC2_TYPES: Record<string, string> = {
  interface: "Interface",
  gateway: "Gateway",
  gwlb: "GatewayLoadBalancer",
};

/** The full name EC2 lists a service of the bundled list under in a Region. */
function fullName(service: string, region: string): string {
  if (service === "notebook" || service === "studio") return `aws.sagemaker.${region}.${service}`;
  if (service === "s3-global.accesspoint") return `com.amazonaws.${service}`;
  return `com.amazonaws.${region}.${service}`;
}

/**
 * What EC2 would list in a Region if the bundled list were exact: every service the bundled
 * list offers there (under the names EC2 gives them), then an endpoint service of another
 * account. `without` leaves services out; `with` adds interface services.
 */
export function bundledRegionServices(
  region: string,
  change: { without?: string[]; with?: string[] } = {},
): FakeEndpointService[] {
  const services: FakeEndpointService[] = [];
  for (const [name, service] of AWS_SERVICES) {
    if (!offeredIn(service, region) || change.without?.includes(name)) continue;
    const types = service.types.map((t) => EC2_TYPES[t] ?? t);
    services.push({ name: fullName(name, region), types, owner: "amazon" });
  }
  for (const name of change.with ?? [])
    services.push({ name: fullName(name, region), types: ["Interface"], owner: "amazon" });
  services.push({
    name: `com.amazonaws.vpce.${region}.vpce-svc-0123456789abcdef0`,
    types: ["Interface"],
    owner: "123456789012",
  });
  return services;
}
