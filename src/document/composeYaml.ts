import { Composer, type CST, type Document, Lexer, type LineCounter, Parser } from "yaml";
import { MAX_PROBLEMS, moreProblems } from "../core/capProblems.js";
import { LinkplanError, type Problem } from "../core/linkplanError.js";
import { MAX_NESTING, nestingTooDeep } from "./checkNesting.js";
import { offendingOffset } from "./offendingToken.js";

const COLLECTIONS: ReadonlySet<string> = new Set(["block-map", "block-seq", "flow-collection"]);

/** "source:line:column" of a character offset. */
export function located(source: string, lineCounter: LineCounter, offset: number): string {
  const { line, col } = lineCounter.linePos(offset);
  return `${source}:${line}:${col}`;
}

/**
 * Refuse the text when the collections open at the parser's current position nest deeper
 * than MAX_NESTING; the error names where the first one too deep starts. Only looked at
 * when the parser's stack is that deep at all.
 */
function checkDepth(stack: readonly CST.Token[], source: string, lineCounter: LineCounter): void {
  if (stack.length <= MAX_NESTING) return;
  let depth = 0;
  for (const token of stack) {
    if (!COLLECTIONS.has(token.type)) continue;
    depth++;
    if (depth > MAX_NESTING && "offset" in token)
      throw nestingTooDeep(located(source, lineCounter, token.offset), source);
  }
}

/** Syntax errors in the order found: the first MAX_PROBLEMS kept, all counted. */
class SyntaxErrors {
  readonly kept: { offset: number; message: () => string }[] = [];
  count = 0;

  add(offset: number, message: () => string): void {
    this.count++;
    if (this.kept.length < MAX_PROBLEMS) this.kept.push({ offset, message });
  }
}

/** Where yaml's composer says an error is: an offset, a range, or a token. */
type ErrorSource = number | readonly number[] | { offset: number };

function offsetOf(at: ErrorSource): number {
  if (typeof at === "number") return at;
  return "offset" in at ? at.offset : (at[0] ?? 0);
}

/**
 * Compose YAML text into one yaml Document, refusing it as soon as its lists and mappings
 * nest deeper than MAX_NESTING. yaml's lexer and CST parser are iterative; its composer
 * recurses once per nesting level, so it only ever sees shallow documents (a document
 * thousands of levels deep overflowed the stack there, and made V8 abort the process when
 * it compiled a regular expression at the stack's edge). Duplicate keys are not looked for
 * here (yaml compares every pair of keys: quadratic); yamlToData does it with a set. Syntax
 * errors are collected as plain records (yaml makes an Error, stack trace included, of each:
 * a megabyte of "]" took 17 s). Throws LinkplanError "invalid_syntax" listing the syntax
 * errors with line:column (the first 100, all counted).
 */
export function composeYaml(text: string, source: string, lineCounter: LineCounter): Document {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const composer = new Composer({ uniqueKeys: false, merge: false, logLevel: "error" });
  const tokenErrors = new SyntaxErrors();
  const composeErrors = new SyntaxErrors();
  // (a private member of yaml's Composer: should it change, errors still reach doc.errors)
  (composer as unknown as { onError: unknown }).onError = (
    at: ErrorSource,
    code: string,
    message: string,
    warning?: boolean,
  ) => {
    if (warning) return;
    composeErrors.add(offsetOf(at), () =>
      code === "RESOURCE_EXHAUSTION" ? "the document is too complex to read here" : message,
    );
  };
  const docs: Document[] = [];
  const compose = (tokens: Iterable<CST.Token>) => {
    for (const token of tokens) {
      // an unexpected token: all the composer would do is record it
      if (token.type === "error") {
        tokenErrors.add(token.offset, () =>
          token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message,
        );
      } else docs.push(...composer.next(token));
    }
  };
  for (const lexeme of new Lexer().lex(text)) {
    compose(parser.next(lexeme));
    checkDepth(parser.stack, source, lineCounter);
    if (docs.length > 1) break;
  }
  if (docs.length <= 1) {
    compose(parser.end());
    docs.push(...composer.end(true, text.length));
  }
  const [doc, second] = docs;
  if (!doc) throw new LinkplanError("invalid_syntax", `cannot parse ${source}`, []);
  const errors = [...tokenErrors.kept, ...composeErrors.kept];
  for (const error of doc.errors.slice(0, MAX_PROBLEMS))
    errors.push({ offset: error.pos[0], message: () => error.message.split("\n")[0] ?? "" });
  if (second) {
    const offset = second.range?.[0] ?? text.length;
    errors.push({ offset, message: () => "a second YAML document starts here; give one document" });
  }
  const count = tokenErrors.count + composeErrors.count + doc.errors.length + (second ? 1 : 0);
  if (count === 0) return doc;
  const problems: Problem[] = errors
    .sort((a, b) => a.offset - b.offset)
    .slice(0, MAX_PROBLEMS)
    .map((error) => {
      const message = error.message();
      return { offset: offendingOffset(text, error.offset, message), message };
    })
    .sort((a, b) => a.offset - b.offset)
    .map(({ offset, message }) => ({ path: located(source, lineCounter, offset), message }));
  if (count > problems.length) problems.push(moreProblems(count - problems.length));
  throw new LinkplanError("invalid_syntax", `cannot parse ${source}`, problems);
}
