import { describe, expect, it } from "vitest";
import { displayWidth, graphemes } from "../src/core/displayWidth.js";
import { cleanLabel } from "../src/diagram/text/cleanLabel.js";
import { truncateMiddle } from "../src/diagram/text/truncateMiddle.js";

describe("truncateMiddle", () => {
  it("keeps the id at the end of a long service name", () => {
    const name = "com.amazonaws.vpce.eu-west-2.vpce-svc-0a1b2c3d4e5f60718";
    expect(truncateMiddle(name, 40)).toBe("com.amazonaws…vpce-svc-0a1b2c3d4e5f60718");
    expect(truncateMiddle(name, 20)).toBe("com.amazon…4e5f60718");
    expect(truncateMiddle(name, name.length)).toBe(name);
    expect(
      truncateMiddle(
        "arn:aws:ec2:us-east-1:123456789012:vpc-endpoint-service/vpce-svc-0123456789abcdef0",
        40,
      ),
    ).toBe("arn:aws:ec2:u…vpce-svc-0123456789abcdef0");
  });

  it("keeps the start and the last words of prose", () => {
    expect(
      truncateMiddle("Datadog agent (DaemonSet) for the production cluster in us-east-1", 40),
    ).toBe("Datadog agent (DaemonSet) for…us-east-1");
    expect(truncateMiddle("x".repeat(200), 40)).toBe(`${"x".repeat(20)}…${"x".repeat(19)}`);
  });

  it("fits in the cells given, by display width, and never splits a cluster", () => {
    const clusters = ["👩‍💻", "🏳️‍🌈", "🇬🇧", "1️⃣", "👍🏽", "e\u0301", "東", "a", " ", "-", "."];
    const text = Array.from({ length: 90 }, (_, i) => clusters[(i * 7) % clusters.length]).join("");
    const whole = new Set(clusters);
    for (let cells = 0; cells <= 45; cells++) {
      const cut = truncateMiddle(text, cells);
      expect(displayWidth(cut), `${cells}: ${cut}`).toBeLessThanOrEqual(cells);
      if (cells >= 1) expect(cut).toContain("…");
      for (const c of graphemes(cut))
        expect(whole.has(c) || c === "…", `${cells}: ${c}`).toBe(true);
    }
  });
});

describe("cleanLabel", () => {
  it("keeps joined emoji joined and drops bidi and zero-width characters around them", () => {
    expect(cleanLabel("👩‍💻 dev\u200b team 🏳️‍🌈")).toBe("👩‍💻 dev team 🏳️‍🌈");
    expect(cleanLabel("evil\u202etxt.exe")).toBe("eviltxt.exe");
    expect(cleanLabel("a\u200db")).toBe("ab"); // a joiner between letters joins nothing
    expect(cleanLabel("❤️ 1️⃣ 🇬🇧 👍🏽")).toBe("❤️ 1️⃣ 🇬🇧 👍🏽");
  });

  it("drops marks with no base, hidden tag text and piles of marks", () => {
    expect(cleanLabel("\u0301\ufe0fabc")).toBe("abc");
    // tag characters spell hidden text unless they make an emoji flag
    expect(cleanLabel("ok\u{e0068}\u{e0069}")).toBe("ok");
    expect(cleanLabel("🏴󠁧󠁢󠁳󠁣󠁴󠁿")).toBe("🏴󠁧󠁢󠁳󠁣󠁴󠁿");
    expect(cleanLabel(`z${"\u0301".repeat(500)}!`)).toBe("z!");
    expect(cleanLabel("e\u0301cole")).toBe("e\u0301cole");
  });

  it("cuts a long label in the middle, between clusters", () => {
    const label = cleanLabel(`${"👩‍💻".repeat(30)} tail-id-1234`);
    expect(displayWidth(label)).toBeLessThanOrEqual(40);
    expect(label.endsWith("tail-id-1234")).toBe(true);
    expect(label).toMatch(/^(👩‍💻)+…/u);
  });
});
