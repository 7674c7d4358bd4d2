import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  AWS_ICONS_MODULE,
  awsIconsModule,
  awsIconsPackage,
  ICON_FILES,
  sanitiseIcon,
} from "../scripts/extractIcons.js";
import { AWS_ICONS, AWS_ICONS_VERSION } from "../src/diagram/svg/icons/awsIcons.js";

describe("the AWS Architecture Icons module", () => {
  it("is what scripts/extractIcons.ts writes from the installed aws-icons (not stale)", () => {
    expect(readFileSync(AWS_ICONS_MODULE, "utf8")).toBe(awsIconsModule());
    expect(AWS_ICONS_VERSION).toBe(awsIconsPackage().version);
    expect(Object.keys(AWS_ICONS)).toEqual(Object.keys(ICON_FILES));
  });

  it("holds drawings only: no ids, references, styles or scripts", () => {
    for (const { viewBox, body } of Object.values(AWS_ICONS)) {
      expect(viewBox).toMatch(/^0 0 \d+ \d+$/);
      expect(body).not.toMatch(/<(script|style|image|foreignObject|title|a)\b|href|url\(|\son\w+=/);
    }
  });
});

describe("sanitiseIcon", () => {
  const svg = (inner: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">${inner}</svg>`;

  it("keeps the drawing, drops the title, prefixes ids and their references", () => {
    const icon = sanitiseIcon(
      "x",
      svg(
        '<title>Res_X</title><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>' +
          '<path fill="url(#g)" d="M0 0h48v48H0z"/><g fill="none"><circle cx="1" cy="2" r="3"/></g>',
      ),
    );
    expect(icon.viewBox).toBe("0 0 48 48");
    expect(icon.body).toBe(
      '<defs><linearGradient id="%ID%-x-g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>' +
        '<path fill="url(#%ID%-x-g)" d="M0 0h48v48H0z"/><g fill="none"><circle cx="1" cy="2" r="3"/></g>',
    );
  });

  it.each([
    ["a script", "<script>alert(1)</script>"],
    ["a style", "<style>path{fill:red}</style>"],
    ["an image", '<image href="https://example.com/x.png"/>'],
    ["an event handler", '<path onclick="alert(1)" d="M0 0"/>'],
    ["an external url()", '<path fill="url(https://example.com/#g)" d="M0 0"/>'],
    ["an external href", '<linearGradient href="https://example.com/g.svg#g"/>'],
    ["markup in a value", '<path d="M0 0&lt;script"/>'],
    ["text", "hello"],
  ])("refuses an icon with %s", (_what, inner) => {
    expect(() => sanitiseIcon("x", svg(inner))).toThrow(/^x: /);
  });
});
