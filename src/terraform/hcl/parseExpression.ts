import type { BinaryOperator, Expr } from "./expressionAst.js";
import { ExpressionScanner } from "./expressionScanner.js";

export { ExpressionSyntaxError, MAX_EXPRESSION_DEPTH } from "./expressionScanner.js";

const BINARY_LEVELS: readonly (readonly BinaryOperator[])[] = [
  ["||"],
  ["&&"],
  ["==", "!="],
  [">=", "<=", ">", "<"],
  ["+", "-"],
  ["*", "/", "%"],
];

/**
 * Parse a string value of hcl2json's output, a Terraform template: literal text with
 * `${…}` interpolations (`$${` is a literal `${`). A template that is exactly one
 * interpolation is that expression (its value keeps its type, as in Terraform).
 */
export function parseTemplate(text: string): Expr {
  const parser = new ExpressionParser(text);
  const expr = parser.template(false);
  if (parser.pos < text.length) parser.fail("unexpected text after the template");
  return expr;
}

/** Parse one expression, the whole text. */
export function parseExpression(text: string): Expr {
  const parser = new ExpressionParser(text);
  const expr = parser.expression();
  parser.space();
  if (parser.pos < text.length) parser.fail("unexpected text after the expression");
  return expr;
}

class ExpressionParser extends ExpressionScanner {
  template(quoted: boolean): Expr {
    this.enter();
    const parts: (string | Expr)[] = [];
    let text = "";
    const src = this.src;
    for (;;) {
      if (this.pos >= src.length) {
        if (quoted) this.fail("unterminated string");
        break;
      }
      const c = src[this.pos] as string;
      if (quoted && c === '"') {
        this.pos += 1;
        break;
      }
      if ((c === "$" || c === "%") && src[this.pos + 1] === c && src[this.pos + 2] === "{") {
        text += `${c}{`;
        this.pos += 3;
      } else if (c === "$" && src[this.pos + 1] === "{") {
        this.pos += 2;
        this.eat("~");
        if (text) parts.push(text);
        text = "";
        parts.push(this.expression());
        this.eat("~");
        this.expect("}");
      } else if (c === "%" && src[this.pos + 1] === "{") {
        this.fail("template directives (%{…}) are not evaluated");
      } else if (quoted && c === "\\") {
        text += this.escape();
      } else {
        text += c;
        this.pos += 1;
      }
    }
    if (text || parts.length === 0) parts.push(text);
    this.depth -= 1;
    const only = parts[0];
    if (parts.length === 1 && only !== undefined) {
      return typeof only === "string" ? { k: "literal", value: only } : only;
    }
    return { k: "template", parts };
  }

  expression(): Expr {
    this.enter();
    const test = this.binary(0);
    let result = test;
    if (this.eat("?")) {
      const then = this.expression();
      this.expect(":");
      result = { k: "conditional", test, then, else: this.expression() };
    }
    this.depth -= 1;
    return result;
  }

  private binary(level: number): Expr {
    const ops = BINARY_LEVELS[level];
    if (!ops) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      this.space();
      const op = ops.find((o) => this.src.startsWith(o, this.pos) && !this.isLonger(o));
      if (!op) return left;
      this.pos += op.length;
      left = { k: "binary", op, left, right: this.binary(level + 1) };
    }
  }

  /** `=` after `<`/`>`/`!`, `>` after `=` (=>), `&`/`|` doubled: not this operator. */
  private isLonger(op: string): boolean {
    const after = this.src[this.pos + op.length];
    if ((op === "<" || op === ">") && after === "=") return true;
    return false;
  }

  private unary(): Expr {
    this.space();
    const c = this.src[this.pos];
    if ((c === "!" && this.src[this.pos + 1] !== "=") || c === "-") {
      this.pos += 1;
      this.enter();
      const operand = this.unary();
      this.depth -= 1;
      return { k: "unary", op: c, operand };
    }
    return this.postfix(this.primary());
  }

  private postfix(start: Expr): Expr {
    let expr = start;
    for (;;) {
      if (this.peek(".*") || this.peek("[*]")) {
        this.pos += this.src[this.pos] === "." ? 2 : 3;
        return { k: "splat", of: expr, each: this.traversals({ k: "splatItem" }) };
      }
      const step = this.traversal(expr);
      if (!step) return expr;
      expr = step;
    }
  }

  /** Attribute and index steps applied after a splat, onto each element. */
  private traversals(start: Expr): Expr {
    let expr = start;
    for (let step = this.traversal(expr); step; step = this.traversal(expr)) expr = step;
    return expr;
  }

  private traversal(of: Expr): Expr | undefined {
    if (this.peek(".") && !this.src.startsWith("...", this.pos) && this.src[this.pos + 1] !== "*") {
      this.pos += 1;
      this.space();
      const digits = /^\d+/.exec(this.src.slice(this.pos, this.pos + 32));
      if (digits) {
        this.pos += digits[0].length;
        return { k: "index", of, key: { k: "literal", value: Number(digits[0]) } };
      }
      const name = this.identifier();
      if (name === undefined) this.fail("expected an attribute name");
      return { k: "attr", of, name };
    }
    if (this.peek("[") && !this.src.startsWith("[*]", this.pos)) {
      this.pos += 1;
      const key = this.expression();
      this.expect("]");
      return { k: "index", of, key };
    }
    return undefined;
  }

  private primary(): Expr {
    this.space();
    const src = this.src;
    const c = src[this.pos];
    if (c === undefined) this.fail("expected an expression");
    if (c === "(") {
      this.pos += 1;
      const inner = this.expression();
      this.expect(")");
      return inner;
    }
    if (c === '"') {
      this.pos += 1;
      return this.template(true);
    }
    if (c === "[") return this.tupleOrFor();
    if (c === "{") return this.objectOrFor();
    if (c === "<" && src.startsWith("<<", this.pos)) this.fail("heredocs inside expressions");
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(this.pos, this.pos + 64));
    if (number) {
      this.pos += number[0].length;
      return { k: "literal", value: Number(number[0]) };
    }
    const name = this.identifier();
    if (name === undefined) this.fail("expected an expression");
    if (name === "true" || name === "false") return { k: "literal", value: name === "true" };
    if (name === "null") return { k: "literal", value: null };
    if (this.eat("::")) this.fail("provider functions are not evaluated");
    if (this.eat("(")) return this.call(name);
    return { k: "name", name };
  }

  private call(name: string): Expr {
    const args: Expr[] = [];
    let expand = false;
    while (!this.eat(")")) {
      args.push(this.expression());
      if (this.eat("...")) expand = true;
      if (!this.eat(",")) {
        this.expect(")");
        break;
      }
    }
    return { k: "call", name, args, expand };
  }

  private tupleOrFor(): Expr {
    this.pos += 1;
    const start = this.pos;
    if (this.keyword("for") && !this.peek("=") && !this.peek(",") && !this.peek("]"))
      return this.forExpr("]");
    this.pos = start;
    const items: Expr[] = [];
    while (!this.eat("]")) {
      items.push(this.expression());
      if (!this.eat(",")) {
        this.expect("]");
        break;
      }
    }
    return { k: "tuple", items };
  }

  private objectOrFor(): Expr {
    this.pos += 1;
    const start = this.pos;
    if (this.keyword("for") && !this.peek("=") && !this.peek(":") && !this.peek("}"))
      return this.forExpr("}");
    this.pos = start;
    const items: { key: Expr; value: Expr }[] = [];
    while (!this.eat("}")) {
      const key = this.objectKey();
      if (!this.eat("=") && !this.eat(":")) this.fail('expected "=" or ":"');
      items.push({ key, value: this.expression() });
      this.eat(",");
    }
    return { k: "object", items };
  }

  /** A bare name is the literal key; anything else is an expression. */
  private objectKey(): Expr {
    const start = this.pos;
    const name = this.identifier();
    if (name !== undefined && (this.peek("=") || this.peek(":")) && !this.peek("==")) {
      return { k: "literal", value: name };
    }
    this.pos = start;
    return this.expression();
  }

  private forExpr(close: "]" | "}"): Expr {
    const first = this.identifier();
    if (first === undefined) this.fail("expected a for variable");
    let keyVar: string | undefined;
    let valueVar = first;
    if (this.eat(",")) {
      keyVar = first;
      const second = this.identifier();
      if (second === undefined) this.fail("expected a for variable");
      valueVar = second;
    }
    if (!this.keyword("in")) this.fail('expected "in"');
    const collection = this.expression();
    this.expect(":");
    let key: Expr | undefined;
    let value = this.expression();
    if (close === "}") {
      this.expect("=>");
      key = value;
      value = this.expression();
    }
    const group = close === "}" && this.eat("...");
    const condition = this.keyword("if") ? this.expression() : undefined;
    this.expect(close);
    return {
      k: "for",
      ...(keyVar === undefined ? {} : { keyVar }),
      valueVar,
      collection,
      ...(key === undefined ? {} : { key }),
      value,
      ...(condition === undefined ? {} : { condition }),
      group,
    };
  }
}
