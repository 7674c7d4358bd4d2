/** Colours and stylesheet of one SVG theme. */
export interface SvgTheme {
  background: string;
  text: string;
  edge: string;
  /** CSS for a diagram whose root element has id `rootId` */
  css(rootId: string): string;
}

/** Font sizes (px) of box text and of edge labels. */
export const FONT_SIZE = 12;
export const LABEL_FONT_SIZE = 11;

export const ADDED_COLOUR = "#1D8102";
export const REMOVED_COLOUR = "#D13212";
/** Changed (comparison): amber, dark enough for a white "~" on it. */
export const CHANGED_COLOUR = "#B45309";
export const PRIVATELINK_COLOUR = "#8C4FFF";
/** The badge of an element with error findings. */
export const FINDING_COLOUR = "#D13212";

/** AWS architecture-diagram group strokes (shared/reference/aws-diagram-style.md). */
const GROUP_STROKE: Readonly<Record<string, string>> = {
  account: "#CD2264",
  region: "#00A4A6",
  vpc: "#8C4FFF",
  az: "#147EBA",
  "subnet-private": "#00A4A6",
  "subnet-public": "#7AA116",
  external: "#5A6C86",
};
/** Group label colours on the light theme. */
const GROUP_LABEL: Readonly<Record<string, string>> = {
  account: "#CD2264",
  region: "#147EBA",
  vpc: "#8C4FFF",
  az: "#147EBA",
  "subnet-private": "#147EBA",
  "subnet-public": "#248814",
  external: "#5A6C86",
};
const DASHED_GROUPS: readonly string[] = ["region", "az", "external"];
/** AWS service category colours. */
const CATEGORY_STROKE: Readonly<Record<string, string>> = {
  networking: "#8C4FFF",
  compute: "#ED7100",
  storage: "#7AA116",
  security: "#DD344C",
  dns: "#8C4FFF",
  generic: "#5A6C86",
};

const FONT = `system-ui, "Segoe UI", Helvetica, Arial, sans-serif`;

interface Palette {
  background: string;
  text: string;
  /** secondary text: subtitles, node details, the legend */
  muted: string;
  edge: string;
  /** the AWS Cloud group's border and label */
  cloud: string;
  nodeFill: string;
  privateSubnetFill: string;
  publicSubnetFill: string;
  groupLabels: boolean;
}

const LIGHT: Readonly<Palette> = {
  background: "#FFFFFF",
  text: "#232F3E",
  muted: "#545B64",
  edge: "#545B64",
  cloud: "#232F3E",
  nodeFill: "#FFFFFF",
  privateSubnetFill: "#E6F6F7",
  publicSubnetFill: "#F2F6E8",
  groupLabels: true,
};

const DARK: Readonly<Palette> = {
  background: "#0F1419",
  text: "#E6EAF0",
  muted: "#B6BFCA",
  edge: "#A7B1BD",
  cloud: "#B6BFCA",
  nodeFill: "#1A222D",
  privateSubnetFill: "#0E2A2D",
  publicSubnetFill: "#1D2612",
  groupLabels: false,
};

function stylesheet(p: Palette, root: string): string {
  const r = `#${root}`;
  const rules = [
    `${r} .lp-bg{fill:${p.background}}`,
    `${r} text{font-family:${FONT};font-size:${FONT_SIZE}px;fill:${p.text};white-space:pre}`,
    `${r} .lp-box>rect{fill:none;stroke-width:1.5}`,
    `${r} .lp-node>rect{fill:${p.nodeFill}}`,
    // icon layouts: thinner node borders (the status rules below still thicken them)
    `${r}.lp-icons .lp-node>rect{stroke-width:1.25}`,
    `${r} .lp-g-subnet-private>rect{fill:${p.privateSubnetFill}}`,
    `${r} .lp-g-subnet-public>rect{fill:${p.publicSubnetFill}}`,
  ];
  for (const [kind, stroke] of Object.entries(GROUP_STROKE)) {
    rules.push(`${r} .lp-g-${kind}>rect{stroke:${stroke}}`);
    if (p.groupLabels) rules.push(`${r} .lp-g-${kind}>text.lp-line-0{fill:${GROUP_LABEL[kind]}}`);
  }
  for (const kind of DASHED_GROUPS) rules.push(`${r} .lp-g-${kind}>rect{stroke-dasharray:6 4}`);
  for (const [category, stroke] of Object.entries(CATEGORY_STROKE)) {
    rules.push(`${r} .lp-c-${category}>rect{stroke:${stroke}}`);
  }
  rules.push(
    `${r} .lp-box.lp-added>rect{stroke:${ADDED_COLOUR};stroke-width:2.5}`,
    `${r} .lp-box.lp-removed{opacity:0.6}`,
    `${r} .lp-box.lp-removed>rect{stroke:${REMOVED_COLOUR};stroke-dasharray:5 3}`,
    `${r} .lp-edge{fill:none;stroke:${p.edge};stroke-width:1.5;stroke-linejoin:round}`,
    `${r} .lp-e-privatelink{stroke:${PRIVATELINK_COLOUR};stroke-width:2}`,
    `${r} .lp-e-alias{stroke-dasharray:4 3}`,
    `${r} .lp-e-route{stroke-dasharray:2 3}`,
    `${r} .lp-edge.lp-added{stroke:${ADDED_COLOUR};stroke-width:2.5}`,
    `${r} .lp-edge.lp-removed{stroke:${REMOVED_COLOUR};stroke-dasharray:6 4;opacity:0.6}`,
    `${r} .lp-label-bg{fill:${p.background};fill-opacity:0.9}`,
    `${r} text.lp-label{font-size:${LABEL_FONT_SIZE}px}`,
    // the title block, the AWS Cloud group and the legend
    `${r} text.lp-title{font-size:18px;font-weight:700}`,
    `${r} text.lp-subtitle{fill:${p.muted}}`,
    `${r} .lp-cloud>rect{fill:none;stroke:${p.cloud};stroke-width:1.5}`,
    `${r} .lp-cloud>text{fill:${p.cloud}}`,
    `${r} .lp-legend text{font-size:${LABEL_FONT_SIZE}px;fill:${p.muted}}`,
    `${r} .lp-legend text.lp-legend-heading{font-weight:700;fill:${p.text}}`,
    // icon layouts: a node's name in bold, its other lines smaller and secondary
    `${r}.lp-icons .lp-node>text{text-anchor:middle}`,
    `${r}.lp-icons .lp-node>text.lp-line-0{font-weight:600}`,
    `${r} .lp-node>text.lp-sub{font-size:${LABEL_FONT_SIZE}px;fill:${p.muted}}`,
  );
  return rules.join("\n");
}

function theme(p: Palette): SvgTheme {
  return {
    background: p.background,
    text: p.text,
    edge: p.edge,
    css: (rootId) => stylesheet(p, rootId),
  };
}

export function svgTheme(name: "light" | "dark"): SvgTheme {
  return theme(name === "dark" ? DARK : LIGHT);
}
