import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { yaml, yamlLanguage } from "@codemirror/lang-yaml";
import {
  bracketMatching,
  foldGutter,
  foldKeymap,
  HighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from "@codemirror/language";
import { type Diagnostic, linter, lintGutter, lintKeymap } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { EditorState, type Extension, StateEffect, StateField } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  hoverTooltip,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { stateExtensions } from "codemirror-json-schema";
import { yamlCompletion, yamlSchemaHover, yamlSchemaLinter } from "codemirror-json-schema/yaml";
import topologySchema from "../../linkplan.schema.json";
import { askedPast } from "./askedPast.js";
import type { LocatedItem, PathItem } from "./problemPositions.js";

/** linkplan's JSON Schema (linkplan.schema.json) for completion, hover docs and lint. */
const SCHEMA = (() => {
  const { $schema: _draft, ...schema } = topologySchema as Record<string, unknown>;
  return schema as Parameters<typeof stateExtensions>[0];
})();

/** The longest text (characters) the schema linter reads; longer ones: the server's only. */
export const SCHEMA_LINT_MAX = 64 * 1024;

/** Diagnostics from the server (problems and findings), kept in step with edits. */
const setServerDiagnostics = StateEffect.define<Diagnostic[]>();
const serverDiagnostics = StateField.define<Diagnostic[]>({
  create: () => [],
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setServerDiagnostics)) return effect.value;
    if (!tr.docChanged) return value;
    return value.map((d) => {
      const from = tr.changes.mapPos(d.from, 1);
      return { ...d, from, to: Math.max(from, tr.changes.mapPos(d.to, -1)) };
    });
  },
});

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: "var(--code-key)" },
  { tag: [tags.string, tags.special(tags.string)], color: "var(--code-string)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--code-number)" },
  { tag: [tags.comment, tags.lineComment], color: "var(--code-comment)", fontStyle: "italic" },
  {
    tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace],
    color: "var(--muted)",
  },
  { tag: [tags.meta, tags.keyword, tags.definition(tags.name)], color: "var(--code-meta)" },
]);

const editorTheme = EditorView.theme({
  "&": {
    height: "100%",
    fontSize: "13px",
    backgroundColor: "var(--editor-bg)",
    color: "var(--fg)",
  },
  ".cm-scroller": {
    fontFamily: "var(--mono)",
    lineHeight: "1.55",
  },
  ".cm-content": { caretColor: "var(--accent)" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--accent)" },
  ".cm-gutters": {
    backgroundColor: "var(--editor-gutter)",
    color: "var(--muted)",
    border: "none",
    borderRight: "1px solid var(--line)",
  },
  ".cm-activeLine": { backgroundColor: "var(--editor-active)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--editor-active)", color: "var(--fg)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--editor-selection) !important",
  },
  ".cm-tooltip": {
    backgroundColor: "var(--panel)",
    color: "var(--fg)",
    border: "1px solid var(--line)",
    borderRadius: "6px",
    maxWidth: "36rem",
  },
  ".cm-tooltip-hover, .cm-tooltip-lint": { padding: "6px 8px" },
  ".cm-diagnostic": { padding: "2px 4px" },
  ".cm-diagnosticText": { whiteSpace: "pre-wrap" },
  ".cm-tooltip-autocomplete > ul > li[aria-selected]": {
    backgroundColor: "var(--accent)",
    color: "var(--on-accent)",
  },
});

export interface YamlEditor {
  readonly view: EditorView;
  text(): string;
  /** Replace the whole document (one undoable change). */
  setText(text: string): void;
  /**
   * Show the server's problems and findings, placed in the text they were computed for;
   * ignored when the document has changed since (a newer answer is on its way).
   */
  setServerItems(
    sentText: string,
    items: readonly LocatedItem<PathItem & { source: string }>[],
  ): void;
  /** Put the cursor at a line and column (from 1) and bring it into view. */
  goTo(line: number, column: number): void;
}

export interface EditorOptions {
  doc: string;
  /** the accessible name of the text area */
  label: string;
  onChange(text: string): void;
  /** completion, hover docs and lint from linkplan's JSON Schema (default true) */
  schema?: boolean;
}

function toOffset(state: EditorState, line: number, column: number): { from: number; to: number } {
  const at = state.doc.line(Math.min(Math.max(line, 1), state.doc.lines));
  const from = Math.min(at.from + Math.max(column - 1, 0), at.to);
  return { from, to: Math.max(at.to, from) };
}

/** A CodeMirror 6 YAML editor with linkplan's schema and the server's diagnostics. */
export function createYamlEditor(parent: HTMLElement, options: EditorOptions): YamlEditor {
  const schemaLint = yamlSchemaLinter();
  // past SCHEMA_LINT_MAX the schema's completion answers only when asked for (see askedPast)
  const schemaCompletion = askedPast(SCHEMA_LINT_MAX, yamlCompletion());
  const withSchema = options.schema !== false;
  const extensions: Extension[] = [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    foldGutter(),
    drawSelection(),
    indentOnInput(),
    syntaxHighlighting(highlight),
    bracketMatching(),
    closeBrackets(),
    autocompletion(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    lintGutter(),
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...completionKeymap,
      ...lintKeymap,
    ]),
    yaml(),
    serverDiagnostics,
    linter(
      (view) => {
        const fromServer = view.state.field(serverDiagnostics);
        // the schema linter reads the whole text on the page's thread at each pause: past
        // SCHEMA_LINT_MAX the server's answer (the same checks, and more) is enough
        if (!withSchema || view.state.doc.length > SCHEMA_LINT_MAX) return fromServer;
        // the server's problems say the same as the schema's, and more precisely: a line
        // the server has an error on shows only the server's
        const serverLines = new Set(
          fromServer
            .filter((d) => d.severity === "error")
            .map((d) => view.state.doc.lineAt(d.from).number),
        );
        // a schema error about a whole mapping (a required key missing) would underline
        // every line of it: underline its first line only
        const fromSchema = (schemaLint(view) as Diagnostic[])
          .filter((d) => !serverLines.has(view.state.doc.lineAt(d.from).number))
          .map((d) => ({
            ...d,
            to: Math.min(d.to, view.state.doc.lineAt(d.from).to),
            source: "schema",
          }));
        return [...fromServer, ...fromSchema];
      },
      {
        delay: 250,
        // the server's answer arrived: show it now (not only at the next edit)
        needsRefresh: (update) =>
          update.transactions.some((tr) => tr.effects.some((e) => e.is(setServerDiagnostics))),
      },
    ),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange(update.state.doc.toString());
    }),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ "aria-label": options.label }),
    editorTheme,
  ];
  if (withSchema) {
    extensions.push(
      yamlLanguage.data.of({ autocomplete: schemaCompletion }),
      hoverTooltip(yamlSchemaHover()),
      stateExtensions(SCHEMA),
    );
  }
  const view = new EditorView({
    parent,
    state: EditorState.create({ doc: options.doc, extensions }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setServerItems(sentText, items) {
      if (view.state.doc.toString() !== sentText) return;
      const diagnostics: Diagnostic[] = items.map(({ item, line, column }) => ({
        ...toOffset(view.state, line, column),
        severity: item.severity,
        message: item.message,
        source: item.source,
      }));
      view.dispatch({ effects: setServerDiagnostics.of(diagnostics) });
    },
    goTo(line, column) {
      const { from, to } = toOffset(view.state, line, column);
      view.dispatch({
        selection: { anchor: from, head: to },
        effects: EditorView.scrollIntoView(from, { y: "center" }),
      });
      view.focus();
    },
  };
}
