import { CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { EditorState } from "@codemirror/state";
import { describe, expect, it } from "vitest";
import { askedPast } from "../../playground/src/askedPast.js";

const RESULT: CompletionResult = { from: 0, options: [{ label: "accounts" }] };

function ask(docLength: number, explicit: boolean) {
  const calls: number[] = [];
  const source = askedPast(100, (context) => {
    calls.push(context.pos);
    return RESULT;
  });
  const state = EditorState.create({ doc: "x".repeat(docLength) });
  return { result: source(new CompletionContext(state, docLength, explicit)), calls };
}

describe("askedPast", () => {
  it("a short document: the source answers as the user types", () => {
    expect(ask(100, false)).toEqual({ result: RESULT, calls: [100] });
  });

  it("a longer document: nothing while typing, the source only when asked for", () => {
    expect(ask(101, false)).toEqual({ result: null, calls: [] });
    expect(ask(101, true)).toEqual({ result: RESULT, calls: [101] });
  });
});
