import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { LinkplanError } from "../src/core/linkplanError.js";
import { MAX_NESTING } from "../src/document/checkNesting.js";
import { parseDocument } from "../src/document/parseDocument.js";
import { ALIAS_ALLOWANCE } from "../src/document/yamlToData.js";
import { caught } from "./helpers/caught.js";
import { expectLinearGrowth } from "./helpers/linearGrowth.js";

/**
 * parseDocument on hostile text (issue 11): the work is linear in the text or refused with
 * a coded LinkplanError, and no engine message ("Maximum call stack size exceeded") ever
 * reaches the caller.
 */

function refused(text: string, source?: string): LinkplanError {
  return caught(() => parseDocument(text, source));
}

/** `n` top-level keys k0 … k(n-1), one line each. */
function keys(n: number): string {
  return Array.from({ length: n }, (_, i) => `k${i}: v`).join("\n");
}

const TOO_DEEP = `lists and mappings are nested more than ${MAX_NESTING} levels deep here; linkplan accepts at most ${MAX_NESTING}`;

describe("duplicate YAML keys", () => {
  it("are found with a set per mapping: 10× the keys, at most 15× the time", () => {
    expectLinearGrowth(
      () => parseDocument(keys(2000)),
      () => parseDocument(keys(20_000)),
    );
  });

  it("are reported at the repeated key, in every mapping", () => {
    expect(refused(`${keys(10)}\nk7: again\n`).problems).toEqual([
      { path: "input:11:1", message: "Map keys must be unique" },
    ]);
    const error = refused("a:\n  b: 1\n  c: {x: 1, x: 2}\n  b: 3\n", "net.yaml");
    expect(error.code).toBe("invalid_syntax");
    expect(error.message).toBe(
      "cannot parse net.yaml\n  net.yaml:3:13: Map keys must be unique\n  net.yaml:4:3: Map keys must be unique",
    );
    // keys that become the same property are the same key
    expect(refused("1: a\n'1': b\n").problems).toEqual([
      { path: "input:2:1", message: "Map keys must be unique" },
    ]);
  });

  it("JSON keeps the last of repeated keys, as JSON.parse does", () => {
    expect(parseDocument('{"a": 1, "a": 2}')).toEqual({ a: 2 });
  });
});

describe("YAML aliases", () => {
  it("resolve in constant time each: 10× the anchors and aliases, at most 15× the time", () => {
    const pairs = (n: number) =>
      Array.from({ length: n }, (_, i) => `- &a${i} x${i}\n- *a${i}`).join("\n");
    const small = pairs(1000);
    const large = pairs(10_000);
    expect((parseDocument(small) as string[]).slice(0, 4)).toEqual(["x0", "x0", "x1", "x1"]);
    expectLinearGrowth(
      () => parseDocument(small),
      () => parseDocument(large),
    );
  });

  it("refer to the anchor last set before them, as in yaml", () => {
    expect(parseDocument("a: &x [&x 1, *x]\nb: *x\nc: &y {k: v}\nd: *y")).toEqual({
      a: [1, 1],
      b: 1,
      c: { k: "v" },
      d: { k: "v" },
    });
  });

  it("refuse a reference to an enclosing node (a cycle) and an unknown anchor", () => {
    expect(refused("a: &a [1, *a]").problems).toEqual([
      { path: "input:1:11", message: "the alias *a refers to a node that contains it" },
    ]);
    expect(refused("a: *nope").problems).toEqual([
      {
        path: "input:1:4",
        message: "Unresolved alias (the anchor must be set before the alias): nope",
      },
    ]);
  });

  it("one list reused 99 times: refused once aliases add more than 100,000 values", () => {
    // 7.6 KB of text that would expand to 220,000 values; the 400 KB versions took
    // 18.7 s and 2.76 GB
    const list = Array.from({ length: 2200 }, (_, i) => String(i % 10)).join(", ");
    const text = `name: amplified\nshared: &list [${list}]\ncopies:\n${"  - *list\n".repeat(99)}`;
    const error = refused(text, "body");
    expect(error.code).toBe("document_too_large");
    expect(error.message).toBe(
      "body is too large once its aliases are expanded\n  body:49:5: aliases add 101,200 values to the 2,253 written (counted up to here); linkplan accepts at most 100,000 more values than written",
    );
    // within the allowance, the same list reused is accepted
    const fits = Math.floor(ALIAS_ALLOWANCE.values / 2201);
    const small = `shared: &list [${list}]\ncopies:\n${"  - *list\n".repeat(fits)}`;
    expect((parseDocument(small) as { copies: unknown[] }).copies).toHaveLength(fits);
  });

  it("long strings count by their characters: at most 1,000,000 more than written", () => {
    const text = `s: &s "${"x".repeat(100_000)}"\ncopies: [${Array(12).fill("*s").join(", ")}]\n`;
    expect(refused(text).problems).toEqual([
      {
        path: "input:2:50",
        message:
          "aliases add 1,100,000 characters of text to the 100,007 written (counted up to here); linkplan accepts at most 1,000,000 more characters of text than written",
      },
    ]);
  });
});

describe("nesting deeper than 64 levels", () => {
  it("a megabyte of [ is refused at the 65th, as fast as 100 KB of it", () => {
    const error = refused("[".repeat(1_000_000), "body");
    expect(error.code).toBe("nesting_too_deep");
    expect(error.message).toBe(`body is nested too deeply\n  body:1:65: ${TOO_DEEP}`);
    expectLinearGrowth(
      () => refused("[".repeat(100_000)),
      () => refused("[".repeat(1_000_000)),
    );
  });

  it("64 levels are accepted, 65 refused, in every YAML form and in JSON", () => {
    const seqs = (n: number) => `${"- ".repeat(n)}x`;
    expect(JSON.stringify(parseDocument(seqs(64)))).toBe(`${"[".repeat(64)}"x"${"]".repeat(64)}`);
    expect(refused(seqs(65)).problems).toEqual([{ path: "input:1:129", message: TOO_DEEP }]);
    const maps = (n: number) =>
      `${Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k:`).join("\n")} x`;
    expect(() => parseDocument(maps(64))).not.toThrow();
    expect(refused(maps(65)).problems).toEqual([{ path: "input:65:65", message: TOO_DEEP }]);
    const json = (n: number) => `{"a": ${"[".repeat(n - 1)}${"]".repeat(n - 1)}}`;
    expect(() => parseDocument(json(64))).not.toThrow();
    expect(refused(`\n${json(65)}`).problems).toEqual([{ path: "input:2:70", message: TOO_DEEP }]);
    // a pair in a flow list is a mapping of its own
    const pairs = `${"[a: ".repeat(40)}x${"]".repeat(40)}`;
    expect(refused(pairs).problems).toEqual([{ path: "input:1:129", message: TOO_DEEP }]);
  });

  it("text that starts like JSON may still be YAML flow syntax", () => {
    expect(parseDocument("{a: 1, b: [x, 'y']}")).toEqual({ a: 1, b: ["x", "y"] });
    // brackets in a comment are not nesting
    expect(parseDocument(`{a: [1]} # ${"[".repeat(100)}\n`)).toEqual({ a: [1] });
  });

  it("an alias may not take its list past 64 levels either", () => {
    const text = `a: &x [1]\nb: &y [*x, *x]\nc: ${"[".repeat(63)}*y${"]".repeat(63)}`;
    expect(refused(text).problems).toEqual([{ path: "input:3:67", message: TOO_DEEP }]);
  });

  it('"[" × 2000 + "x" parsed again and again does not abort the process', () => {
    // it used to: yaml's composer recursed 2,000 levels and V8 compiled a regular
    // expression at the edge of the stack ("RegExpCompiler Allocation failed", exit 134)
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    const script = fileURLToPath(new URL("./fixtures/parseDeepNesting.ts", import.meta.url));
    const child = spawnSync(process.execPath, [tsx, script], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    expect(child.stdout).toBe("nesting_too_deep input:1:65\n".repeat(5));
  });
});

describe("syntax errors", () => {
  it("a megabyte of ] is read in linear time; 100 problems are listed, all counted", () => {
    const error = refused("]".repeat(150));
    expect(error.problems).toHaveLength(101);
    expect(error.problems[0]).toEqual({
      path: "input:1:1",
      message: 'Unexpected flow-seq-end token in YAML document: "]"',
    });
    expect(error.problems[100]).toEqual({
      path: "",
      message: "… and 50 more problems not listed (at most 100 are)",
    });
    expectLinearGrowth(
      () => refused("]".repeat(10_000)),
      () => refused("]".repeat(100_000)),
    );
  });

  it("a second document is refused", () => {
    expect(refused("a: 1\n---\nb: 2\n").problems).toEqual([
      { path: "input:2:1", message: "a second YAML document starts here; give one document" },
    ]);
  });

  it("never carry an engine message, whatever the text", () => {
    const texts = [
      "[".repeat(5000),
      "{".repeat(5000),
      `a: ${"[".repeat(3000)}x`,
      "- ".repeat(5000),
      `${"[a: ".repeat(3000)}x`,
      "]".repeat(5000),
      `&a ${"[".repeat(3000)}`,
    ];
    for (const text of texts) {
      const error = refused(text);
      expect(error.message).not.toMatch(/Maximum call stack|RangeError|TypeError|\bat line\b/);
    }
  });
});
