import type { EC2ClientConfig } from "@aws-sdk/client-ec2";
import type { ServiceList } from "../catalogSchema.js";
import { SERVICE_LIST_PERMISSION, ServiceListSourceError } from "./serviceListSourceError.js";

/** One service of a DescribeVpcEndpointServices answer (the fields linkplan reads). */
export interface EndpointServiceDetail {
  /** com.amazonaws.<region>.<service>, aws.sagemaker.<region>.notebook, … */
  ServiceName?: string | undefined;
  /** [{ ServiceType: "Interface" | "Gateway" | "GatewayLoadBalancer" }] */
  ServiceType?: { ServiceType?: string | undefined }[] | undefined;
  /** "amazon" for AWS services, else the provider's account id */
  Owner?: string | undefined;
  /** where the service is hosted (set on cross-Region answers) */
  ServiceRegion?: string | undefined;
}

/** One page of DescribeVpcEndpointServices. */
export interface EndpointServicesPage {
  ServiceDetails?: EndpointServiceDetail[] | undefined;
  /** the next page's token; absent or empty on the last page */
  NextToken?: string | undefined;
}

/**
 * What the source calls: Amazon EC2's DescribeVpcEndpointServices in one Region (an
 * EC2Client of the AWS SDK by default; tests pass a fake).
 */
export interface EndpointServicesClient {
  describeVpcEndpointServices(
    input: { MaxResults?: number; NextToken?: string },
    options?: { abortSignal?: AbortSignal },
  ): Promise<EndpointServicesPage>;
  /** release the client's connections (called once its Region is read) */
  destroy?(): void;
}

/** Reported once per Region, in the order of `regions`, when it and those before it are read. */
export interface ServiceListProgress {
  region: string;
  pages: number;
  /** services listed (every owner) */
  listed: number;
  /** of those, services owned by amazon and kept */
  kept: number;
}

export interface ServiceListSourceOptions {
  /** Regions to read, e.g. ["us-east-1", "eu-west-2"] */
  regions: readonly string[];
  /** the client for a Region; default: an EC2Client of @aws-sdk/client-ec2 (loaded then) */
  client?: (region: string) => EndpointServicesClient | Promise<EndpointServicesClient>;
  /** default client only: credentials (default: the SDK's default credential chain) */
  credentials?: EC2ClientConfig["credentials"];
  /** default client only: endpoint override (default: the SDK's, which honours
   * AWS_ENDPOINT_URL_EC2 and AWS_ENDPOINT_URL) */
  endpoint?: string;
  /** Regions read at once (default 4) */
  concurrency?: number;
  /** the list's `retrieved` date (default: today, UTC) */
  retrieved?: string;
  onProgress?: (event: ServiceListProgress) => void;
}

/** The service list and what reading it took. */
export interface ServiceListFetch {
  /** the catalog's `services` section */
  list: ServiceList;
  /** per Region, in the order of `regions` */
  progress: ServiceListProgress[];
  pages: number;
  /** names of services owned by amazon that are not of a form linkplan knows (left out) */
  skipped: string[];
}

/** Where DescribeVpcEndpointServices is documented (the list's source). */
export const DESCRIBE_VPC_ENDPOINT_SERVICES_URL =
  "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpointServices.html";

/** Most services a page may hold (the API answers at most 1,000). */
const PAGE_SIZE = 1000;
/** Pages read per Region before giving up (a service answering tokens forever). */
const MAX_PAGES = 1000;

/** The API's endpoint types as the topology's endpoint `type`s. */
type EndpointType = ServiceList["services"][string]["types"][number];
const ENDPOINT_TYPES: Readonly<Record<string, EndpointType>> = {
  Interface: "interface",
  Gateway: "gateway",
  GatewayLoadBalancer: "gwlb",
};

const SHORT_NAME = /^[a-z0-9][a-z0-9.-]*$/;

/**
 * The short name (the `service` of an endpoint) of an AWS service's full name listed in
 * `region`: `com.amazonaws.<region>.<service>` → `<service>`; `aws.<provider>.<region>.<x>`
 * (SageMaker notebook, studio) → `<x>`; a Region-less `com.amazonaws.<name>`
 * (s3-global.accesspoint) → `<name>`. Undefined for any other form (vpce-svc services).
 */
export function shortServiceName(fullName: string, region: string): string | undefined {
  const escaped = region.replace(/[^a-z0-9-]/g, "\\$&");
  const regional = new RegExp(`^(?:com\\.amazonaws|aws\\.[a-z0-9-]+)\\.${escaped}\\.(.+)$`);
  const regionless = /^com\.amazonaws\.(?!vpce\.)(.+)$/;
  const short = regional.exec(fullName)?.[1] ?? regionless.exec(fullName)?.[1];
  // a Region-less name names no Region (else it is another Region's: a cross-Region answer)
  const otherRegion = /(?:^|\.)[a-z]{2}(?:-gov)?-[a-z]+-\d(?:\.|$)/;
  if (short === undefined || !SHORT_NAME.test(short) || short.includes("vpce-svc-"))
    return undefined;
  return regional.test(fullName) || !otherRegion.test(short) ? short : undefined;
}

/** The default client: an EC2Client of the AWS SDK, imported now (not at start-up). */
async function sdkClient(
  region: string,
  options: ServiceListSourceOptions,
): Promise<EndpointServicesClient> {
  const { EC2Client, DescribeVpcEndpointServicesCommand } = await import("@aws-sdk/client-ec2");
  const client = new EC2Client({
    region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestHandler: {
      connectionTimeout: 10_000,
      requestTimeout: 60_000,
      throwOnRequestTimeout: true,
    },
  });
  return {
    describeVpcEndpointServices: (input, sendOptions) =>
      client.send(new DescribeVpcEndpointServicesCommand(input), sendOptions),
    destroy: () => client.destroy(),
  };
}

interface RegionRead {
  progress: ServiceListProgress;
  /** short name → endpoint types */
  services: Map<string, Set<EndpointType>>;
  skipped: string[];
}

/** Every page of one Region's DescribeVpcEndpointServices, services owned by amazon kept. */
async function readRegion(
  region: string,
  options: ServiceListSourceOptions,
  abortSignal: AbortSignal,
): Promise<RegionRead | undefined> {
  let client: EndpointServicesClient;
  try {
    client = await (options.client ? options.client(region) : sdkClient(region, options));
  } catch (error) {
    throw ServiceListSourceError.from(error, region);
  }
  const read: RegionRead = {
    progress: { region, pages: 0, listed: 0, kept: 0 },
    services: new Map(),
    skipped: [],
  };
  const tokens = new Set<string>();
  try {
    let token: string | undefined;
    do {
      // another Region failed: stop paging (the run fails with that Region's error)
      if (abortSignal.aborted) return undefined;
      const page = await client.describeVpcEndpointServices(
        { MaxResults: PAGE_SIZE, ...(token === undefined ? {} : { NextToken: token }) },
        { abortSignal },
      );
      read.progress.pages += 1;
      for (const detail of page.ServiceDetails ?? []) {
        read.progress.listed += 1;
        if (detail.Owner !== "amazon" || detail.ServiceName === undefined) continue;
        if (detail.ServiceRegion !== undefined && detail.ServiceRegion !== region) continue;
        const short = shortServiceName(detail.ServiceName, region);
        const types = (detail.ServiceType ?? [])
          .map((t) => ENDPOINT_TYPES[t.ServiceType ?? ""])
          .filter((t) => t !== undefined);
        if (short === undefined || types.length === 0) {
          read.skipped.push(detail.ServiceName);
          continue;
        }
        read.progress.kept += 1;
        const known = read.services.get(short) ?? new Set<EndpointType>();
        for (const type of types) known.add(type);
        read.services.set(short, known);
      }
      token = page.NextToken || undefined;
      if (token !== undefined && (tokens.has(token) || read.progress.pages >= MAX_PAGES)) {
        throw new ServiceListSourceError(
          "service",
          region,
          `Amazon EC2 DescribeVpcEndpointServices in ${region} did not finish paging (page ${read.progress.pages})`,
        );
      }
      if (token !== undefined) tokens.add(token);
    } while (token !== undefined);
  } catch (error) {
    if (abortSignal.aborted) return undefined;
    throw ServiceListSourceError.from(error, region);
  } finally {
    client.destroy?.();
  }
  return read;
}

/**
 * Read the AWS services reachable through VPC endpoints in `regions` with Amazon EC2's
 * DescribeVpcEndpointServices: every page (NextToken), a few Regions at once, services
 * owned by amazon kept, each by its short name with its endpoint types (Interface →
 * interface, Gateway → gateway, GatewayLoadBalancer → gwlb) and the Regions it is in. The
 * result has the shape of linkplan's bundled list, with its source, `retrieved` date and the
 * Regions read. Needs the IAM permission ec2:DescribeVpcEndpointServices; failures become
 * ServiceListSourceError (credentials, network, access denied, service) naming the Region.
 */
export async function fetchServiceList(
  options: ServiceListSourceOptions,
): Promise<ServiceListFetch> {
  const regions = [...new Set(options.regions)];
  const reads: (RegionRead | undefined)[] = regions.map(() => undefined);
  let reported = 0;
  let next = 0;
  // the first failure stops the other Regions' calls (those in flight are aborted)
  const stop = new AbortController();
  const worker = async () => {
    while (!stop.signal.aborted && next < regions.length) {
      const at = next++;
      try {
        reads[at] = await readRegion(regions[at] as string, options, stop.signal);
      } catch (error) {
        stop.abort();
        throw error;
      }
      // progress in Region order: report every Region read up to the first one still reading
      for (let read = reads[reported]; read !== undefined; read = reads[reported]) {
        options.onProgress?.(read.progress);
        reported += 1;
      }
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 4, regions.length));
  await Promise.all(Array.from({ length: concurrency }, worker));

  const done = reads as RegionRead[];
  const types = new Map<string, Set<EndpointType>>();
  const offered = new Map<string, string[]>();
  done.forEach((read, i) => {
    for (const [name, found] of read.services) {
      const all = types.get(name) ?? new Set<EndpointType>();
      for (const type of found) all.add(type);
      types.set(name, all);
      offered.set(name, [...(offered.get(name) ?? []), regions[i] as string]);
    }
  });
  const services: ServiceList["services"] = {};
  for (const name of [...types.keys()].sort()) {
    services[name] = {
      types: [...(types.get(name) ?? [])].sort(),
      regions: offered.get(name) ?? [],
    };
  }
  const where = regions.join(", ");
  return {
    list: {
      description: `AWS services reachable through VPC endpoints in ${where} (the <service> of com.amazonaws.<region>.<service>), with the endpoint types each supports, as Amazon EC2 DescribeVpcEndpointServices lists them (services owned by amazon). linkplan's bundled list still answers for other Regions.`,
      retrieved: options.retrieved ?? new Date().toISOString().slice(0, 10),
      source: [
        {
          title: `Amazon EC2 DescribeVpcEndpointServices (Owner amazon) in ${where}, with the IAM permission ${SERVICE_LIST_PERMISSION}`,
          url: DESCRIBE_VPC_ENDPOINT_SERVICES_URL,
        },
      ],
      regions,
      services,
    },
    progress: done.map((read) => read.progress),
    pages: done.reduce((sum, read) => sum + read.progress.pages, 0),
    skipped: done.flatMap((read) => read.skipped),
  };
}
