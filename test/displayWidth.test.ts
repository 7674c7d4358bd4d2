import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clusterWidth, displayWidth, graphemes } from "../src/core/displayWidth.js";
import { splitGraphemes } from "../src/core/splitGraphemes.js";

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

describe("displayWidth", () => {
  it("counts terminal cells per grapheme cluster", () => {
    const cases: [string, number][] = [
      ["abc", 3],
      ["VPC · 10.0.0.0/16 → svc … — ok", 30],
      ["🚀", 2],
      ["✅", 2],
      ["⚡", 2],
      ["🟢", 2],
      ["👩‍💻", 2], // ZWJ sequence
      ["🏳️‍🌈", 2], // VS16 + ZWJ
      ["🇬🇧", 2], // flag: two regional indicators
      ["1️⃣", 2], // keycap
      ["👍🏽", 2], // skin tone
      ["❤️", 2], // text pictograph made emoji by VS16
      ["❤", 1],
      ["©", 1],
      ["🏴󠁧󠁢󠁳󠁣󠁴󠁿", 2], // tag sequence (Scotland)
      ["東京", 4],
      ["Ａ", 2], // fullwidth
      ["ﾊﾟ", 2], // halfwidth kana + halfwidth mark
      ["e\u0301", 1], // combining acute
      ["n\u0303\u0323", 1],
      ["\u1112\u1161\u11ab", 2], // Hangul jamo L V T: one syllable
      ["한", 2],
      ["नमस्ते", 3], // Devanagari: न, म, स्ते
      ["\u200b", 0],
      ["\u0301", 0], // a mark with no base
      ["", 0],
    ];
    for (const [text, width] of cases) expect(displayWidth(text), JSON.stringify(text)).toBe(width);
  });

  it("splits text into the grapheme clusters Intl.Segmenter finds (its fast paths included)", () => {
    const piece = fc.constantFrom(
      ..."a é · → … ‼ ↔ © 東 한 ﾊ ﾟ 🚀 ⚡ 👩 💻 🌈 🏳 👍 🇬 🇧 ❤ 1 #".split(" "),
      "\u200d",
      "\ufe0f",
      "\u0301",
      "\u20e3",
      "\u{1f3fd}",
      "\u1112",
      "\u1161",
      "\u11ab",
      "न",
      "\u094d",
      "\u093f",
      "\u{e0067}",
      "\u0600",
      " ",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join("");
        const expected = [...segmenter.segment(text)].map((s) => s.segment);
        expect(graphemes(text)).toEqual(expected);
        expect(displayWidth(text)).toBe(expected.reduce((w, c) => w + clusterWidth(c), 0));
      }),
      { numRuns: 500 },
    );
    // longer than the segmenter's window (splitGraphemes cuts the text in windows)
    fc.assert(
      fc.property(fc.array(piece, { minLength: 300, maxLength: 1200 }), (pieces) => {
        const text = pieces.join("");
        const clusters = [...segmenter.segment(text)].map((s) => s.segment);
        const seen: string[] = [];
        splitGraphemes(text, (c) => seen.push(c));
        expect(seen).toEqual(clusters);
      }),
      { numRuns: 40 },
    );
  });

  it("measures long hostile text in linear time: a pile of marks, 100,000 accented letters", () => {
    const zalgo = `🚀${"\u200d\u0301".repeat(50_000)}`;
    const started = performance.now();
    expect(displayWidth(zalgo)).toBe(2);
    expect(displayWidth(`a${"\u0301".repeat(100_000)}`)).toBe(1);
    // 100,000 clusters: segmented whole, V8 took 2 minutes (time per cluster grows with the text)
    expect(displayWidth("e\u0301".repeat(100_000))).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
