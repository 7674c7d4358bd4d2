import { readFileSync } from "node:fs";
import { diagramFonts } from "../src/api/diagramFontFiles.js";
import { drawTopology } from "../src/diagram/drawTopology.js";
import { drawTopologyPng } from "../src/diagram/png/drawTopologyPng.js";
import { parseDocument } from "../src/document/parseDocument.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { parseTopology } from "../src/topology/parseTopology.js";

/** One picture of the README's gallery: an example drawn at a detail level. */
export interface GalleryEntry {
  /** examples/<example>.yaml */
  example: string;
  detail: "vpcs" | "azs";
  /** what the picture shows, for the README's alt text */
  caption: string;
}

/** The article's architectures, as the bundled examples draw them. */
export const GALLERY: readonly GalleryEntry[] = [
  {
    example: "endpoints-module",
    detail: "vpcs",
    caption: "a baseline of interface endpoints and gateway endpoints in one VPC",
  },
  {
    example: "consumer-provider",
    detail: "azs",
    caption:
      "a consumer's endpoint, one ENI per AZ, to a provider's endpoint service behind an NLB",
  },
  {
    example: "shared-services",
    detail: "vpcs",
    caption: "three workload accounts reaching two shared services over PrivateLink",
  },
  {
    example: "saas-monitoring",
    detail: "vpcs",
    caption: "an endpoint to a SaaS provider's service, with its private hosted zone",
  },
  {
    example: "s3-gateway-policy",
    detail: "vpcs",
    caption: "an S3 gateway endpoint on the private route tables",
  },
  {
    example: "spokes",
    detail: "vpcs",
    caption: "spoke VPCs, each with its own endpoints, and the hub VPC that could share them",
  },
];

/** Where a gallery file goes, relative to the repository. */
export const GALLERY_DIR = "docs/gallery";

/** The files of the gallery: each entry's PNG (light, costs on), and the draw.io of the first. */
export async function galleryFiles(): Promise<{ path: string; bytes: Uint8Array }[]> {
  const fonts = diagramFonts();
  const catalog = bundledCatalog();
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (const entry of GALLERY) {
    const path = `examples/${entry.example}.yaml`;
    const topology = parseTopology(parseDocument(readFileSync(path, "utf8"), path));
    const request = { detail: entry.detail, estimate: estimate(topology, catalog) };
    const png = await drawTopologyPng(topology, { ...request, ...fonts, scale: 1 });
    files.push({ path: `${GALLERY_DIR}/${entry.example}.png`, bytes: png });
    if (entry === GALLERY[1]) {
      const drawio = drawTopology(topology, { ...request, format: "drawio" });
      files.push({
        path: `${GALLERY_DIR}/${entry.example}.drawio`,
        bytes: new TextEncoder().encode(drawio),
      });
    }
  }
  return files;
}
