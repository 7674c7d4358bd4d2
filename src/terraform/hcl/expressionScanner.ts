/** Expressions (brackets, calls, templates) nested deeper than this are not read. */
export const MAX_EXPRESSION_DEPTH = 64;

/** An expression this reader does not understand (hcl2json accepted it: a gap, not a typo). */
export class ExpressionSyntaxError extends Error {}

const ESCAPES: Readonly<Record<string, string>> = {
  n: "\n",
  r: "\r",
  t: "\t",
  '"': '"',
  "\\": "\\",
};

/** The characters of an expression: spaces and comments, tokens, names, escapes. */
export class ExpressionScanner {
  pos = 0;
  protected depth = 0;

  constructor(protected readonly src: string) {}

  fail(what: string): never {
    throw new ExpressionSyntaxError(`${what} at offset ${this.pos}`);
  }

  protected enter(): void {
    this.depth += 1;
    if (this.depth > MAX_EXPRESSION_DEPTH)
      this.fail(`expression nested deeper than ${MAX_EXPRESSION_DEPTH}`);
  }

  space(): void {
    const src = this.src;
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") this.pos += 1;
      else if (c === "#" || (c === "/" && src[this.pos + 1] === "/")) {
        const end = src.indexOf("\n", this.pos);
        this.pos = end < 0 ? src.length : end + 1;
      } else if (c === "/" && src[this.pos + 1] === "*") {
        const end = src.indexOf("*/", this.pos + 2);
        if (end < 0) this.fail("unterminated comment");
        this.pos = end + 2;
      } else break;
    }
  }

  protected peek(token: string): boolean {
    this.space();
    return this.src.startsWith(token, this.pos);
  }

  protected eat(token: string): boolean {
    if (!this.peek(token)) return false;
    this.pos += token.length;
    return true;
  }

  protected expect(token: string): void {
    if (!this.eat(token)) this.fail(`expected "${token}"`);
  }

  protected identifier(): string | undefined {
    this.space();
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos, this.pos + 256));
    if (!match) return undefined;
    this.pos += match[0].length;
    return match[0];
  }

  protected keyword(word: string): boolean {
    const start = this.pos;
    if (this.identifier() === word) return true;
    this.pos = start;
    return false;
  }

  /** A template up to the end of the text, or (quoted) up to the closing `"`. */

  protected escape(): string {
    const next = this.src[this.pos + 1] ?? "";
    const simple = ESCAPES[next];
    if (simple !== undefined) {
      this.pos += 2;
      return simple;
    }
    const width = next === "u" ? 4 : next === "U" ? 8 : 0;
    const hex = this.src.slice(this.pos + 2, this.pos + 2 + width);
    if (width === 0 || !/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== width)
      this.fail("invalid escape");
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) this.fail("invalid escape");
    this.pos += 2 + width;
    return String.fromCodePoint(code);
  }
}
