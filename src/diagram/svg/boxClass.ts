import type { SceneBox } from "../layout/scene.js";

/** Colour category of a node kind (AWS service category colours). */
export type NodeCategory = "networking" | "compute" | "storage" | "security" | "dns" | "generic";

const CATEGORY: Readonly<Record<string, NodeCategory>> = {
  workload: "compute",
  service: "compute",
  "interface-endpoint": "networking",
  "gateway-endpoint": "networking",
  "gwlb-endpoint": "networking",
  "endpoint-service": "networking",
  "load-balancer": "networking",
  "nat-gateway": "networking",
  "transit-gateway": "networking",
  "tgw-attachment": "networking",
  "route-table": "networking",
  "aws-service": "storage",
  "hosted-zone": "dns",
  saas: "generic",
};

export function nodeCategory(kind: string): NodeCategory {
  return CATEGORY[kind] ?? "generic";
}

/**
 * CSS classes of a box: lp-group lp-g-<kind> (subnets also lp-g-subnet-public or
 * lp-g-subnet-private) or lp-node lp-n-<kind> lp-c-<category>, plus lp-added, lp-removed or
 * lp-changed.
 */
export function boxClass(box: SceneBox): string {
  const classes = ["lp-box"];
  const kind = /^[a-z-]+$/.test(box.kind) ? box.kind : "other";
  if (box.role === "group") {
    classes.push("lp-group", `lp-g-${kind}`);
    if (kind === "subnet") {
      classes.push(isPublicSubnet(box) ? "lp-g-subnet-public" : "lp-g-subnet-private");
    }
  } else {
    classes.push("lp-node", `lp-n-${kind}`, `lp-c-${nodeCategory(kind)}`);
  }
  if (box.status === "added") classes.push("lp-added");
  if (box.status === "removed") classes.push("lp-removed");
  if (box.status === "changed") classes.push("lp-changed");
  return classes.join(" ");
}

/**
 * The Scene does not carry a subnet's tier; toGraph writes it as a "·"-separated part of
 * the subnet's text ("private-a · public · 10.0.1.0/24", or a detail line
 * "public · 10.0.1.0/24"). Without such a part, a subnet whose first line mentions
 * "public" counts as public; any other as private.
 */
export function isPublicSubnet(box: SceneBox): boolean {
  for (const line of box.lines) {
    for (const part of line.split("·").slice(line === box.lines[0] ? 1 : 0)) {
      const tier = part.trim().toLowerCase();
      if (tier === "public" || tier === "private") return tier === "public";
    }
  }
  return /\bpublic\b/i.test(box.lines[0] ?? "");
}
