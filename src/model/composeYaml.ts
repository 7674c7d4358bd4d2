import { Composer, type CST, type Document, Lexer, type LineCounter, Parser } from "yaml";
import { MAX_NESTING, nestingTooDeep } from "./checkNesting.js";
import { LinkplanError, type Problem } from "./linkplanError.js";

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

/**
 * Compose YAML text into one yaml Document, refusing it as soon as its lists and mappings
 * nest deeper than MAX_NESTING. yaml's lexer and CST parser are iterative; its composer
 * recurses once per nesting level, so it only ever sees shallow documents (a document
 * thousands of levels deep overflowed the stack there, and made V8 abort the process when
 * it compiled a regular expression at the stack's edge). Duplicate keys are not looked for
 * here (yaml compares every pair of keys: quadratic); yamlToData does it with a set.
 * Throws LinkplanError "invalid_syntax" listing the syntax errors with line:column.
 */
export function composeYaml(text: string, source: string, lineCounter: LineCounter): Document {
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const composer = new Composer({ uniqueKeys: false, merge: false, logLevel: "error" });
  const docs: Document[] = [];
  const compose = (tokens: Iterable<CST.Token>) => {
    for (const token of tokens) docs.push(...composer.next(token));
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
  const problems: Problem[] = doc.errors.map((error) => ({
    path: located(source, lineCounter, error.pos[0]),
    message:
      error.code === "RESOURCE_EXHAUSTION"
        ? "the document is too complex to read here"
        : (error.message.split("\n")[0] ?? error.message),
  }));
  if (second) {
    problems.push({
      path: located(source, lineCounter, second.range?.[0] ?? text.length),
      message: "a second YAML document starts here; give one document",
    });
  }
  // LinkplanError lists the first 100 and counts the rest
  if (problems.length > 0)
    throw new LinkplanError("invalid_syntax", `cannot parse ${source}`, problems);
  return doc;
}
