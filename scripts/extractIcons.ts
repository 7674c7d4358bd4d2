/**
 * `npx tsx scripts/extractIcons.ts`: writes src/diagram/svg/icons/awsIcons.ts, the AWS
 * Architecture Icons the SVG renderer draws, taken from the `aws-icons` package (a
 * devDependency: the icons are copied into the source, so linkplan needs no icon files at
 * run time and src/diagram stays free of I/O). test/awsIcons.test.ts fails when the
 * committed module differs from what this script would write.
 *
 * Each icon is checked against a whitelist of elements and attributes (no scripts, styles,
 * images, foreign objects, event handlers or external references) and its ids are rewritten
 * to "%ID%-<icon>-<id>" (references too), which renderSvg replaces with the diagram's id
 * prefix, so two diagrams inlined in one page never share an id.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const AWS_ICONS_MODULE = join(ROOT, "src/diagram/svg/icons/awsIcons.ts");

/** The icons linkplan draws: name → file under the package's icons/ directory. */
export const ICON_FILES: Readonly<Record<string, string>> = {
  "aws-cloud": "architecture-group/AWSCloudlogo.svg",
  "aws-cloud-dark": "architecture-group/AWSCloudlogoDark.svg",
  account: "architecture-group/AWSAccount.svg",
  region: "architecture-group/Region.svg",
  vpc: "architecture-group/VirtualprivatecloudVPC.svg",
  "private-subnet": "architecture-group/Privatesubnet.svg",
  "public-subnet": "architecture-group/Publicsubnet.svg",
  "ec2-instances": "resource/AmazonEC2Instances.svg",
  "vpc-endpoints": "resource/AmazonVPCEndpoints.svg",
  "network-interface": "resource/AmazonVPCElasticNetworkInterface.svg",
  privatelink: "architecture-service/AWSPrivateLink.svg",
  nlb: "resource/ElasticLoadBalancingNetworkLoadBalancer.svg",
  gwlb: "resource/ElasticLoadBalancingGatewayLoadBalancer.svg",
  s3: "architecture-service/AmazonSimpleStorageService.svg",
  dynamodb: "architecture-service/AmazonDynamoDB.svg",
  marketplace: "architecture-service/AWSMarketplace.svg",
  "marketplace-dark": "architecture-service/AWSMarketplaceDark.svg",
  "hosted-zone": "resource/AmazonRoute53HostedZone.svg",
  "nat-gateway": "resource/AmazonVPCNATGateway.svg",
  "transit-gateway": "architecture-service/AWSTransitGateway.svg",
  "tgw-attachment": "resource/AWSTransitGatewayAttachment.svg",
  "route-table": "resource/AmazonRoute53RouteTable.svg",
};

/** Elements an icon may contain, and the attributes each may carry. */
const SHAPE = ["fill", "fill-rule", "fill-opacity", "clip-rule", "opacity", "transform"];
const STROKE = ["stroke", "stroke-width", "stroke-linecap", "stroke-linejoin"];
const PAINT = [...SHAPE, ...STROKE, "stroke-miterlimit", "stroke-opacity", "clip-path", "mask"];
const ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  g: PAINT,
  path: [...PAINT, "d"],
  rect: [...PAINT, "x", "y", "width", "height", "rx", "ry"],
  circle: [...PAINT, "cx", "cy", "r"],
  ellipse: [...PAINT, "cx", "cy", "rx", "ry"],
  polygon: [...PAINT, "points"],
  polyline: [...PAINT, "points"],
  line: [...PAINT, "x1", "y1", "x2", "y2"],
  defs: [],
  clipPath: ["clipPathUnits", "transform"],
  mask: ["maskUnits", "x", "y", "width", "height"],
  linearGradient: ["x1", "y1", "x2", "y2", "gradientUnits", "gradientTransform", "href"],
  radialGradient: ["cx", "cy", "r", "fx", "fy", "gradientUnits", "gradientTransform", "href"],
  stop: ["offset", "stop-color", "stop-opacity"],
};
/** Attribute values: numbers, colours, path data, local references; never markup. */
const SAFE_VALUE = /^[#%\w\s.,:;()+-]*$/;

export interface ExtractedIcon {
  viewBox: string;
  body: string;
}

/**
 * An icon file's drawing, ready to go inside a <symbol>: the root's viewBox and its
 * children without <title>, every element and attribute checked against the whitelist,
 * ids prefixed "%ID%-<name>-" and references (url(#…), href="#…") to match.
 *
 * @throws Error naming the icon and what it contains that is not allowed
 */
export function sanitiseIcon(name: string, svg: string): ExtractedIcon {
  const root = /^\s*<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/.exec(svg);
  if (!root) throw new Error(`${name}: not a single <svg> element`);
  const viewBox = /\bviewBox="([\d.\s-]+)"/.exec(root[1] ?? "")?.[1];
  if (!viewBox) throw new Error(`${name}: no viewBox`);
  const inner = (root[2] ?? "").replace(/<title>[^<]*<\/title>/g, "");
  const prefix = `%ID%-${name}-`;
  const body = inner.replace(/<(\/?)([A-Za-z]+)([^>]*?)(\/?)>|([^<]+)/g, (...m: string[]) => {
    const [all, close, tag, attrs, selfClose, text] = m;
    if (text !== undefined) {
      if (text.trim() !== "") throw new Error(`${name}: text content ${JSON.stringify(text)}`);
      return "";
    }
    const allowed = ELEMENTS[tag ?? ""];
    if (!allowed) throw new Error(`${name}: element <${tag}> is not allowed`);
    if (close) return `</${tag}>`;
    const out: string[] = [];
    const rest = (attrs ?? "").replace(
      /\s*([\w:-]+)="([^"]*)"/g,
      (_a, key: string, value: string) => {
        const attr = key === "xlink:href" ? "href" : key;
        if (!SAFE_VALUE.test(value)) throw new Error(`${name}: ${key}=${JSON.stringify(value)}`);
        if (/url\(\s*[^#\s]/.test(value)) throw new Error(`${name}: external url() in ${key}`);
        if (attr === "id") {
          out.push(`id="${prefix}${value}"`);
        } else if (attr === "href") {
          if (!value.startsWith("#")) throw new Error(`${name}: external href ${value}`);
          out.push(`href="#${prefix}${value.slice(1)}"`);
        } else if (allowed.includes(attr)) {
          out.push(`${attr}="${value.replace(/url\(#/g, `url(#${prefix}`)}"`);
        } else {
          throw new Error(`${name}: attribute ${key} on <${tag}> is not allowed`);
        }
        return "";
      },
    );
    if (rest.trim() !== "") throw new Error(`${name}: unreadable attributes in ${all}`);
    return `<${tag}${out.map((a) => ` ${a}`).join("")}${selfClose ? "/" : ""}>`;
  });
  return { viewBox, body };
}

/** The aws-icons package's directory and version. */
export function awsIconsPackage(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("aws-icons/package.json");
  const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
  return { dir: dirname(manifest), version };
}

/** A string literal as biome writes it: double quotes unless the text has some. */
function stringLiteral(text: string): string {
  if (!text.includes('"') || /['\\\n]/.test(text)) return JSON.stringify(text);
  return `'${text}'`;
}

/** The source of src/diagram/svg/icons/awsIcons.ts (formatted as biome formats it). */
export function awsIconsModule(): string {
  const { dir, version } = awsIconsPackage();
  const entries = Object.entries(ICON_FILES).map(([name, file]) => {
    const icon = sanitiseIcon(name, readFileSync(join(dir, "icons", file), "utf8"));
    return [
      `  ${/^[a-z][a-z0-9]*$/.test(name) ? name : JSON.stringify(name)}: {`,
      `    viewBox: ${JSON.stringify(icon.viewBox)},`,
      `    body: ${stringLiteral(icon.body)},`,
      "  },",
    ].join("\n");
  });
  return [
    "/*!",
    " * AWS Architecture Icons (https://aws.amazon.com/architecture/icons/), © Amazon.com, Inc.",
    " * or its affiliates, provided by AWS for use in architecture diagrams; unmodified",
    ` * drawings from the aws-icons package ${version} (MIT-licensed packaging). Not covered by`,
    " * linkplan's MIT licence: see the README's section on the icons.",
    " */",
    "// Generated by scripts/extractIcons.ts; do not edit (test/awsIcons.test.ts checks it).",
    "",
    "/** An icon's drawing: its viewBox and its elements, ids as %ID%-<icon>-<id>. */",
    "export interface AwsIcon {",
    "  viewBox: string;",
    "  body: string;",
    "}",
    "",
    `/** The aws-icons package version the drawings come from. */`,
    `export const AWS_ICONS_VERSION = ${JSON.stringify(version)};`,
    "",
    "/** Whose the icons are: every SVG that draws one says so in its <metadata>. */",
    "export const AWS_ICONS_NOTICE =",
    `  "Icons: AWS Architecture Icons, © Amazon.com, Inc. or its affiliates (https://aws.amazon.com/architecture/icons/)";`,
    "",
    "export const AWS_ICONS = {",
    ...entries,
    "} as const satisfies Record<string, AwsIcon>;",
    "",
    "export type AwsIconName = keyof typeof AWS_ICONS;",
    "",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(AWS_ICONS_MODULE, awsIconsModule());
  console.log(`wrote ${AWS_ICONS_MODULE}`);
}
