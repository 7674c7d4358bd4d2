import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { drawTopology } from "../src/diagram/drawTopology.js";
import { estimate } from "../src/estimate/estimate.js";
import { bundledCatalog } from "../src/pricing/bundledCatalog.js";
import { parseTopology } from "../src/topology/parseTopology.js";
import { parseMermaid } from "./helpers/mermaidParse.js";

/** Names a user (or an attacker) could put in a topology. */
const HOSTILE = [
  "<script>alert(1)</script>",
  'Tom & Jerry\'s "VPC"',
  "a]b[c{d}e(f)g|h",
  "--> end %% ;",
  "line\nbreak\r\nand\ttab",
  "bell\u0007esc\u001b[31mred\u0000nul",
  "x".repeat(200),
  "東京リージョン 共有サービス",
  "emoji 🚀✅📦",
  "]]><!-- -->",
];

/** Control characters (C0 and DEL) in `text`, except those in `allowed`. */
function controlCharacters(text: string, allowed: string): string[] {
  return [...text].filter((ch) => {
    const code = ch.charCodeAt(0);
    return (code < 0x20 || code === 0x7f) && !allowed.includes(ch);
  });
}

function hostileTopology() {
  return parseTopology({
    name: HOSTILE[0],
    accounts: HOSTILE.slice(0, 3).map((label, a) => ({
      id: `acct-${a}`,
      name: label,
      vpcs: [
        {
          id: `vpc-${a}`,
          name: HOSTILE[(a + 3) % HOSTILE.length],
          region: "us-east-1",
          azs: ["us-east-1a", "us-east-1b"],
          workloads: [
            { id: "app", name: HOSTILE[(a + 4) % HOSTILE.length], az: "us-east-1a", uses: ["ep"] },
          ],
          endpoints: [
            {
              id: "ep",
              type: "interface",
              name: HOSTILE[(a + 5) % HOSTILE.length],
              ...(a === 0 ? { service: "ecr.api" } : { endpointService: "svc" }),
              gbPerMonth: 10,
            },
            {
              id: "saas",
              type: "interface",
              name: HOSTILE[(a + 6) % HOSTILE.length],
              serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef",
            },
            { id: "s3", type: "gateway", service: "s3" },
          ],
          loadBalancers: a === 0 ? [{ id: "nlb", name: HOSTILE[7], targets: HOSTILE[8] }] : [],
        },
      ],
      endpointServices:
        a === 0 ? [{ id: "svc", name: HOSTILE[9], vpc: "vpc-0", loadBalancer: "nlb" }] : [],
      hostedZones: [
        {
          id: `zone-${a}`,
          name: `z${a}.internal`,
          vpcs: [`vpc-${a}`],
          records: [{ name: `api.z${a}.internal`, aliasToEndpoint: "ep" }],
        },
      ],
    })),
  });
}

describe("hostile names in every format", () => {
  const topology = hostileTopology();
  const priced = estimate(topology, bundledCatalog());

  for (const detail of ["vpcs", "azs"] as const) {
    it(`Mermaid (${detail}) parses with mermaid and carries no raw markup`, async () => {
      const text = drawTopology(topology, {
        format: "mermaid",
        detail,
        estimate: priced,
      });
      await parseMermaid(text);
      expect(text).not.toContain("<script");
      expect(controlCharacters(text, "\n\t")).toEqual([]);
    });

    it(`SVG (${detail}) is valid XML with every label escaped`, () => {
      for (const theme of ["light", "dark"] as const) {
        const svg = drawTopology(topology, {
          format: "svg",
          theme,
          detail,
          estimate: priced,
        });
        expect(XMLValidator.validate(svg)).toBe(true);
        expect(svg).not.toContain("<script");
        expect(controlCharacters(svg, "\n\t\r")).toEqual([]);
        const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg);
        expect(parsed.svg["@_xmlns"]).toBe("http://www.w3.org/2000/svg");
        expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      }
    });

    it(`ASCII (${detail}) has no control characters and cuts long names`, () => {
      for (const charset of ["unicode", "ascii"] as const) {
        const text = drawTopology(topology, { format: "ascii", charset, detail });
        expect(controlCharacters(text, "\n")).toEqual([]);
        expect(text).not.toContain("x".repeat(41));
        // cut in the middle: both ends of the name stay
        expect(text).toMatch(charset === "ascii" ? /x{20,}~x{10,}/ : /x{20,}…x{10,}/);
        expect(text).toContain("<script>alert(1)</script>");
        expect(text).toContain("東京リージョン");
      }
    });
  }
});
