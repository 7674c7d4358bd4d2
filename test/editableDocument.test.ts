import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { generateOrganisation } from "../bench/generateOrganisation.js";
import {
  type EditableDocument,
  editableDocument,
  editDocument,
} from "../src/document/editableDocument.js";
import { parseDocument } from "../src/document/parseDocument.js";
import { EXAMPLE_NAMES, exampleYaml } from "./helpers/examples.js";

/** A small seeded generator (32-bit LCG), so a failing edit sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

/** What parseDocument reads, or the error's code when it refuses the text. */
function read(text: string): { data: unknown } | { error: string } {
  try {
    return { data: parseDocument(text) };
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) };
  }
}

/** Values a scalar is retyped into: simple ones (the shortcut) and ones that must read anew. */
const REPLACEMENTS = [
  "0",
  "1",
  "42",
  "7.55",
  "-3",
  "-0",
  "1e3",
  "1e999",
  "0x1F",
  "0o17",
  "007",
  "1_000",
  "true",
  "False",
  "null",
  "yes",
  "abc",
  "a-b_c.d",
  "1.",
  "-.5",
  ".5",
  ".inf",
  "~",
  "x y",
  "a:b",
  "a: b",
  "#c",
  "",
  "'q'",
  "9 #c",
  "[1]",
  "{a: 1}",
  "- 1",
  "---",
  "&a 1",
  "*a",
  "!!str 1",
  "1\n  x",
];
const INSERTS = ["1", "a", ":", " ", "\n", "#", "-", "'", "[", ".", "&", "\t"];

const organisation = stringify(
  generateOrganisation({ vpcs: 3, endpointsPerVpc: 4, azs: 2, workloadUses: 2, providerEvery: 2 }),
  { lineWidth: 0 },
);
/** Examples with flow and block collections, comments, a broken one, and a generated organisation. */
const DOCUMENTS: [string, string][] = [
  ...["broken", "endpoints-module", "prod", "shared-services"].map((name): [string, string] => {
    if (!EXAMPLE_NAMES.includes(name)) throw new Error(`no example ${name}`);
    return [name, exampleYaml(name)];
  }),
  ["generated organisation", organisation],
];

describe("editDocument", () => {
  it.each(DOCUMENTS)("%s: every edit reads as parseDocument reads the new text", (_, original) => {
    const next = random(original.length);
    let doc: EditableDocument | null = editableDocument(original);
    let text = original;
    let shortcuts = 0;
    for (let step = 0; step < 150; step++) {
      let changed = text;
      const slots = doc?.slots;
      const pick = next();
      if (slots && pick < 0.6) {
        const i = Math.floor(next() * slots.starts.length);
        const start = slots.starts[i] ?? 0;
        const end = slots.ends[i] ?? 0;
        const into = REPLACEMENTS[Math.floor(next() * REPLACEMENTS.length)] ?? "";
        // the whole value, or a character typed into it or next to it
        changed =
          next() < 0.5
            ? text.slice(0, start) + into + text.slice(end)
            : text.slice(0, start + Math.floor(next() * (end - start + 1))) +
              (into[0] ?? "") +
              text.slice(start + Math.floor(next() * (end - start + 1)));
      } else if (pick < 0.8) {
        const at = Math.floor(next() * (text.length + 1));
        changed = text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
      } else {
        const at = Math.floor(next() * text.length);
        changed = text.slice(0, at) + text.slice(at + 1);
      }
      const expected = read(changed);
      const edited: EditableDocument | null = doc ? editDocument(doc, changed) : null;
      if (edited) {
        shortcuts++;
        expect(
          expected,
          `step ${step}: the shortcut read a text the reader refuses`,
        ).toHaveProperty("data");
        expect(edited.data, `step ${step}`).toStrictEqual((expected as { data: unknown }).data);
        expect(edited.text).toBe(changed);
      }
      if ("error" in expected) {
        // back to the last readable text (an editor's undo), read anew
        doc = editableDocument(text);
        continue;
      }
      doc = edited ?? editableDocument(changed);
      text = changed;
    }
    // the shortcut is taken for the simple edits (a YAML example has plain values to edit)
    if (editableDocument(original).slots) expect(shortcuts).toBeGreaterThan(10);
  });

  it("types digits into a number and back without reading the document again", () => {
    let text = organisation.replace("gbPerMonth: ", "gbPerMonth: 7");
    let doc = editableDocument(text);
    for (const typed of ["7.", "7.5", "7.55", "7.5", "17.5", "1"]) {
      text = text.replace(/gbPerMonth: [0-9.]+/, `gbPerMonth: ${typed}`);
      const edited = editDocument(doc, text);
      expect(edited, typed).not.toBeNull();
      expect(edited?.data).toStrictEqual(parseDocument(text));
      doc = edited as EditableDocument;
    }
  });

  it("offers no shortcut for JSON, aliases or a %YAML directive", () => {
    expect(editableDocument('{"a": 1}').slots).toBeNull();
    expect(editableDocument("a: &x 1\nb: *x\nc: 2\n").slots).toBeNull();
    expect(editableDocument("%YAML 1.1\n---\na: 1\n").slots).toBeNull();
  });

  it("reads a key, a quoted value or two values changed at once anew", () => {
    const text = "a: 1\nb: 'q'\nc: 2\n";
    const doc = () => editableDocument(text);
    expect(editDocument(doc(), "ab: 1\nb: 'q'\nc: 2\n")).toBeNull();
    expect(editDocument(doc(), "a: 1\nb: 'qq'\nc: 2\n")).toBeNull();
    expect(editDocument(doc(), "a: 3\nb: 'q'\nc: 4\n")).toBeNull();
    expect(editDocument(doc(), "a: 12\nb: 'q'\nc: 2\n")?.data).toStrictEqual({
      a: 12,
      b: "q",
      c: 2,
    });
  });

  it("reads a value typed where an empty one stood anew (`0#c` is one scalar)", () => {
    const doc = editableDocument("a: #c\nb: 2\n");
    expect(editDocument(doc, "a: 0#c\nb: 2\n")).toBeNull();
  });

  it("keeps __proto__ an own key when its value is edited", () => {
    const doc = editableDocument("__proto__: 1\nb: 2\n");
    const edited = editDocument(doc, "__proto__: 5\nb: 2\n");
    expect(edited?.data).toStrictEqual(parseDocument("__proto__: 5\nb: 2\n"));
    expect(Object.getPrototypeOf(edited?.data)).toBe(Object.prototype);
    expect(Object.hasOwn(edited?.data as object, "__proto__")).toBe(true);
  });
});
