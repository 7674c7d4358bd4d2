import { type Command, InvalidArgumentError, Option } from "commander";
import { LinkplanError } from "../core/linkplanError.js";
import { REGION_CODE } from "../core/regionCode.js";
import { bundledCatalog } from "../pricing/bundledCatalog.js";
import type { PriceCatalog, ServiceList } from "../pricing/catalogSchema.js";
import { diffCatalogs } from "../pricing/diffCatalogs.js";
import { PRICE_LIST_API_REGIONS } from "../pricing/sources/priceListApiRegions.js";
import type { PriceListProgress } from "../pricing/sources/priceListSource.js";
import type {
  ServiceListFetch,
  ServiceListProgress,
} from "../pricing/sources/serviceListSource.js";
import { formatCatalogDiff } from "../report/formatCatalogDiff.js";
import { formatRefreshReport } from "../report/formatRefreshReport.js";
import type { CliIo } from "./cliIo.js";
import { loadCatalogFile, writeOutput } from "./loadInputs.js";
import { operationCommand } from "./operationCommand.js";
import { pricesShowSpec } from "./operationCommands.js";

const HINT = "use the bundled catalog (omit --catalog) or check AWS credentials / --endpoint-url";

/** Parse --regions: comma-separated region codes, deduplicated, in the order given. */
export function parseRegions(value: string): string[] {
  const regions = [
    ...new Set(
      value
        .split(",")
        .map((r) => r.trim())
        .filter((r) => r !== ""),
    ),
  ];
  const bad = regions.filter((r) => !REGION_CODE.test(r));
  if (regions.length === 0 || bad.length > 0) {
    throw new InvalidArgumentError(
      `must be region codes separated by commas, e.g. us-east-1,eu-west-2${bad.length > 0 ? ` (not a region code: ${bad.join(", ")})` : ""}`,
    );
  }
  return regions;
}

function parseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return value;
  } catch {
    // reported below
  }
  throw new InvalidArgumentError("must be an http:// or https:// URL");
}

/** "AmazonEC2       us-east-1      page 1, 2 records (productFamily=NAT Gateway)" */
function progressLine(p: PriceListProgress): string {
  const narrowing = p.filters.filter((f) => !/^(?:regionCode|fromRegionCode)=/.test(f));
  const records = `${p.items} record${p.items === 1 ? "" : "s"}`;
  const suffix = narrowing.length > 0 ? ` (${narrowing.join(", ")})` : "";
  return `${p.service.padEnd(15)} ${p.region.padEnd(14)} page ${p.pages}, ${records}${suffix}\n`;
}

interface RefreshOptions {
  regions: string[];
  output?: string;
  endpointUrl?: string;
  apiRegion: string;
  /** false with --no-services */
  services: boolean;
}

const SERVICES_HINT = "pass --no-services to write the catalog without the service list";

/** "AmazonEC2       us-east-1      DescribeVpcEndpointServices: 1 page, 7 services, 6 owned by amazon" */
function serviceProgressLine(p: ServiceListProgress): string {
  const pages = `${p.pages} page${p.pages === 1 ? "" : "s"}`;
  const services = `${p.listed} service${p.listed === 1 ? "" : "s"}`;
  return `${"AmazonEC2".padEnd(15)} ${p.region.padEnd(14)} DescribeVpcEndpointServices: ${pages}, ${services}, ${p.kept} owned by amazon\n`;
}

/** "listed 9 AWS services (us-east-1 6, eu-west-2 5) in 3 pages", and the names left out. */
function serviceReport(fetched: ServiceListFetch): string {
  const count = Object.keys(fetched.list.services).length;
  const perRegion = fetched.list.regions.map((region) => {
    const n = Object.values(fetched.list.services).filter(
      (s) => s.regions !== "all" && s.regions.includes(region),
    ).length;
    return `${region} ${n}`;
  });
  const lines = [
    `listed ${count} AWS service${count === 1 ? "" : "s"} (${perRegion.join(", ")}) in ${fetched.pages} page${fetched.pages === 1 ? "" : "s"}`,
  ];
  if (fetched.skipped.length > 0) {
    const n = fetched.skipped.length;
    lines.push(
      `left out: ${n} service${n === 1 ? "" : "s"} owned by amazon with a name of another form or no endpoint type, e.g. ${fetched.skipped.slice(0, 3).join(", ")}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The AWS service list of `regions` (Amazon EC2 DescribeVpcEndpointServices): its failures
 * are `service_list_unavailable`, naming the permission and --no-services.
 */
async function refreshServices(opts: RefreshOptions, io: CliIo): Promise<ServiceList> {
  const { fetchServiceList } = await import("../pricing/sources/serviceListSource.js");
  const { ServiceListSourceError } = await import("../pricing/sources/serviceListSourceError.js");
  let fetched: ServiceListFetch;
  try {
    fetched = await fetchServiceList({
      regions: opts.regions,
      onProgress: (p) => io.stderr(serviceProgressLine(p)),
      ...retrievedFromEnvironment(),
    });
  } catch (error) {
    if (error instanceof ServiceListSourceError) {
      throw new LinkplanError(
        "service_list_unavailable",
        `${error.message}; ${SERVICES_HINT}`,
        [],
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  io.stderr(serviceReport(fetched));
  if (Object.keys(fetched.list.services).length === 0) {
    throw new LinkplanError(
      "service_list_unavailable",
      `DescribeVpcEndpointServices listed no AWS services in ${opts.regions.join(", ")}; no catalog written (${SERVICES_HINT})`,
    );
  }
  return fetched.list;
}

/**
 * The catalog's `retrieved` date is today's, unless SOURCE_DATE_EPOCH (the reproducible-builds
 * convention: seconds since 1970) fixes it, as the README test does.
 */
function retrievedFromEnvironment(): { retrieved?: string } {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || !/^\d{1,12}$/.test(epoch)) return {};
  return { retrieved: new Date(Number(epoch) * 1000).toISOString().slice(0, 10) };
}

async function refresh(opts: RefreshOptions, io: CliIo): Promise<void> {
  // On Node 20 the SDK announces that its releases after January 2027 need Node 22; linkplan
  // pins one that supports Node 20, so the notice would only interleave with the progress.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  // the AWS SDK loads only for a refresh: other commands start without it
  const { refreshCatalog } = await import("../pricing/sources/priceListSource.js");
  const { PriceListSourceError } = await import("../pricing/sources/priceListSourceError.js");
  let mapping: Awaited<ReturnType<typeof refreshCatalog>>;
  try {
    mapping = await refreshCatalog({
      regions: opts.regions,
      apiRegion: opts.apiRegion,
      ...(opts.endpointUrl ? { endpoint: opts.endpointUrl } : {}),
      onProgress: (p) => io.stderr(progressLine(p)),
      ...retrievedFromEnvironment(),
    });
  } catch (error) {
    if (error instanceof PriceListSourceError) {
      throw new LinkplanError("price_list_unavailable", `${error.message}; ${HINT}`, [], {
        cause: error,
      });
    }
    throw error;
  }
  io.stderr(formatRefreshReport(mapping));
  if (Object.keys(mapping.catalog.regions).length === 0) {
    throw new LinkplanError(
      "price_list_unavailable",
      `the Price List API returned no prices for ${opts.regions.join(", ")}; no catalog written`,
    );
  }
  const catalog: PriceCatalog = opts.services
    ? { ...mapping.catalog, services: await refreshServices(opts, io) }
    : mapping.catalog;
  const text = `${JSON.stringify(catalog, null, 2)}\n`;
  if (!opts.output) {
    io.stdout(text);
    return;
  }
  await writeOutput(io, opts.output, text);
  io.stderr(`wrote ${opts.output}\n`);
}

/** A catalog file, or the bundled catalog for the word "bundled". */
function loadCatalogArgument(path: string): Promise<PriceCatalog> {
  return path === "bundled" ? Promise.resolve(bundledCatalog()) : loadCatalogFile(path);
}

export function addPricesCommand(program: Command, io: CliIo): void {
  const prices = program
    .command("prices")
    .description(
      "show a region's prices; refresh the catalog from the AWS Price List API; compare catalogs",
    );
  prices.addCommand(operationCommand(pricesShowSpec, io));

  prices
    .command("refresh")
    .description(
      "fetch today's prices for regions from the AWS Price List API (needs pricing:GetProducts) and the AWS services offered through VPC endpoints there (needs ec2:DescribeVpcEndpointServices)",
    )
    .requiredOption(
      "--regions <list>",
      "region codes separated by commas, e.g. us-east-1,eu-west-2",
      parseRegions,
    )
    .option("-o, --output <file>", "write the catalog to a file instead of standard output")
    .option(
      "--endpoint-url <url>",
      "Price List API endpoint (default: the SDK's, which honours AWS_ENDPOINT_URL_PRICING)",
      parseUrl,
    )
    .addOption(
      new Option("--api-region <region>", "region of the Price List API endpoint")
        .choices(PRICE_LIST_API_REGIONS)
        .default("us-east-1"),
    )
    .option(
      "--no-services",
      "do not add the AWS service list (Amazon EC2 DescribeVpcEndpointServices, which needs ec2:DescribeVpcEndpointServices) to the catalog",
    )
    .action((opts: RefreshOptions) => refresh(opts, io));

  prices
    .command("diff")
    .description("show the figures that differ between two catalogs (added, removed, changed)")
    .argument("<old>", "catalog file (JSON/YAML), or bundled for the bundled catalog")
    .argument("<new>", "catalog file (JSON/YAML), or bundled")
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["table", "json"])
        .default("table"),
    )
    .action(async (oldPath: string, newPath: string, opts: { format: "table" | "json" }) => {
      const [before, after] = await Promise.all([
        loadCatalogArgument(oldPath),
        loadCatalogArgument(newPath),
      ]);
      const diff = diffCatalogs(before, after);
      io.stdout(
        opts.format === "json" ? `${JSON.stringify(diff, null, 2)}\n` : formatCatalogDiff(diff),
      );
    });
}
