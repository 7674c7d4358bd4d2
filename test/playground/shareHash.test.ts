import fc from "fast-check";
import { zlibSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  decodeShare,
  encodeShare,
  MAX_SHARED_CHARS,
  SHARE_PREFIX,
  type ShareState,
} from "../../playground/src/shareHash.js";
import { exampleYaml } from "../helpers/examples.js";

describe("the share link's fragment (#pako:…)", () => {
  it("round-trips a document with its pane, view and the compare documents", () => {
    const state: ShareState = {
      doc: exampleYaml("endpoints-module"),
      pane: "compare",
      compare: { a: "name: a\n", b: "name: b\n" },
      view: {
        detail: "azs",
        costs: false,
        diagramTheme: "dark",
        amounts: "hourly",
        hoursPerMonth: 720,
        groupBy: "byVpc",
      },
    };
    const fragment = encodeShare(state);
    expect(fragment.startsWith(SHARE_PREFIX)).toBe(true);
    expect(fragment).toMatch(/^pako:[A-Za-z0-9_-]+$/);
    expect(decodeShare(fragment)).toEqual(state);
    expect(decodeShare(`#${fragment}`)).toEqual(state);
  });

  it("round-trips any text, unicode included (CJK, emoji, combining marks, lone surrogates' neighbours)", () => {
    const samples = [
      "name: 東京リージョン 共有サービス\n",
      "description: emoji 🚀 ✅ 📦 and a family 👨‍👩‍👧\n",
      "name: café\u0301 — “quotes” ‘and’ …\n",
      "",
      "\u0000\u0001 control\ttabs\r\nand CRLF",
    ];
    for (const doc of samples) expect(decodeShare(encodeShare({ doc }))).toEqual({ doc });
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (doc) => {
        expect(decodeShare(encodeShare({ doc }))).toEqual({ doc });
      }),
    );
  });

  it("carries a big document (a 500-endpoint topology) in a link browsers accept", () => {
    const lines = ["name: big", "accounts:", "  - id: a", "    vpcs:"];
    for (let v = 0; v < 50; v++) {
      lines.push(
        `      - id: vpc-${v}`,
        "        region: us-east-1",
        "        azs: [us-east-1a, us-east-1b, us-east-1c]",
        "        endpoints:",
      );
      for (let e = 0; e < 10; e++) {
        lines.push(
          `          - { id: e${e}, type: interface, service: ecr.api, gbPerMonth: ${v * 10 + e} }`,
        );
      }
    }
    const doc = `${lines.join("\n")}\n`;
    const fragment = encodeShare({ doc });
    expect(doc.length).toBeGreaterThan(40_000);
    // Chromium and Firefox take URLs of megabytes; keep far below that
    expect(fragment.length).toBeLessThan(doc.length / 4);
    expect(decodeShare(fragment)?.doc).toBe(doc);
  });

  it("is null for what is not a share fragment, or is damaged", () => {
    expect(decodeShare("")).toBeNull();
    expect(decodeShare("#")).toBeNull();
    expect(decodeShare("#section-2")).toBeNull();
    expect(decodeShare("pako:")).toBeNull();
    expect(decodeShare("pako:!!!not-base64")).toBeNull();
    expect(decodeShare("pako:AAAA")).toBeNull();
    const good = encodeShare({ doc: "name: x\n" });
    expect(decodeShare(good.slice(0, -6))).toBeNull();
    // valid zlib, but not the state's JSON
    const encode = (value: string) =>
      SHARE_PREFIX + Buffer.from(zlibSync(new TextEncoder().encode(value))).toString("base64url");
    expect(decodeShare(encode("not json"))).toBeNull();
    expect(decodeShare(encode('{"doc":42}'))).toBeNull();
    expect(decodeShare(encode("[]"))).toBeNull();
  });

  it("drops members of the wrong type and keeps the document", () => {
    const encode = (value: unknown) =>
      SHARE_PREFIX +
      Buffer.from(zlibSync(new TextEncoder().encode(JSON.stringify(value)))).toString("base64url");
    expect(
      decodeShare(
        encode({
          doc: "name: x",
          pane: "nope",
          compare: { a: 1, b: "x" },
          view: { detail: "everything", hoursPerMonth: 9999, costs: "yes", groupBy: "byVpc" },
        }),
      ),
    ).toEqual({ doc: "name: x", view: { groupBy: "byVpc" } });
  });

  it("refuses a fragment that expands past the cap (a zip bomb in a link)", () => {
    const bomb = `{"doc":"${"a".repeat(MAX_SHARED_CHARS + 10)}"}`;
    const fragment =
      SHARE_PREFIX +
      Buffer.from(zlibSync(new TextEncoder().encode(bomb), { level: 9 })).toString("base64url");
    expect(fragment.length).toBeLessThan(40_000);
    expect(decodeShare(fragment)).toBeNull();
  });
});
