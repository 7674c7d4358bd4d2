import type { CompletionContext } from "@codemirror/autocomplete";

/**
 * A completion source that, in a document longer than `max` characters, answers only when
 * asked for (Ctrl+Space), not at every character typed: the schema's completion reads the
 * whole text on the page's thread, and at 98 KB that held each typed character ~400 ms
 * while the answers to the document's requests waited behind it.
 */
export function askedPast<R>(
  max: number,
  source: (context: CompletionContext) => R,
): (context: CompletionContext) => R | null {
  return (context) =>
    context.state.doc.length > max && !context.explicit ? null : source(context);
}
