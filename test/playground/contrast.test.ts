import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The playground's colours, theme by theme, from its stylesheet's custom properties. */
const CSS = readFileSync(new URL("../../playground/src/styles.css", import.meta.url), "utf8");

function variables(block: RegExp): Record<string, string> {
  const body = block.exec(CSS)?.[1] ?? "";
  return Object.fromEntries(
    [...body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1] ?? "", m[2] ?? ""]),
  );
}

const light = variables(/:root \{([\s\S]*?)\n\}/);
const dark = { ...light, ...variables(/:root\[data-theme="dark"\] \{([\s\S]*?)\n\}/) };

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colour on background colour, as the stylesheet uses them. */
const PAIRS: [string, string][] = [
  ["fg", "bg"],
  ["fg", "panel"],
  ["fg", "panel-2"],
  ["muted", "panel"],
  ["muted", "panel-2"],
  ["muted", "bg"],
  ["accent", "panel"],
  ["accent", "panel-2"],
  ["on-accent", "accent"],
  ["error", "panel"],
  ["error", "error-soft"],
  ["warning", "panel"],
  ["warning", "warning-soft"],
  ["info", "info-soft"],
  ["good", "panel"],
  ["bad", "panel"],
  ["fg", "error-soft"],
  ["fg", "editor-bg"],
  ["muted", "editor-gutter"],
  ["code-key", "editor-bg"],
  ["code-string", "editor-bg"],
  ["code-number", "editor-bg"],
  ["code-comment", "editor-bg"],
  ["code-meta", "editor-bg"],
  ["fg", "editor-active"],
  ["fg", "editor-selection"],
  ["panel", "error"],
  ["panel", "warning"],
];

describe("the playground's colours (WCAG AA: 4.5:1 for text)", () => {
  for (const [name, theme] of [
    ["light", light],
    ["dark", dark],
  ] as const) {
    it(`the ${name} theme's text is readable on its backgrounds`, () => {
      const low = PAIRS.map(([text, background]) => {
        const a = theme[text];
        const b = theme[background];
        if (!a || !b) throw new Error(`--${text} or --${background} is not a #rrggbb colour`);
        return { pair: `${text} on ${background}`, ratio: Math.round(contrast(a, b) * 100) / 100 };
      }).filter((p) => p.ratio < 4.5);
      expect(low).toEqual([]);
    });
  }
});
