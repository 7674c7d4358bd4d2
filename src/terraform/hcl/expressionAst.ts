/**
 * The syntax tree of a Terraform expression, as parseExpression builds it and
 * evaluateExpression reads it.
 */
export type Expr =
  | { k: "literal"; value: null | boolean | number | string }
  /** a string template: literal text and interpolated expressions, concatenated */
  | { k: "template"; parts: (string | Expr)[] }
  /** a bare name: var, local, each, count, path, module, data, a resource type, a for variable */
  | { k: "name"; name: string }
  | { k: "attr"; of: Expr; name: string }
  | { k: "index"; of: Expr; key: Expr }
  /** `of[*].rest` and `of.*.rest`: `each` is evaluated for every element, bound as splatItem */
  | { k: "splat"; of: Expr; each: Expr }
  | { k: "splatItem" }
  | { k: "tuple"; items: Expr[] }
  | { k: "object"; items: { key: Expr; value: Expr }[] }
  | { k: "call"; name: string; args: Expr[]; expand: boolean }
  | { k: "conditional"; test: Expr; then: Expr; else: Expr }
  | { k: "binary"; op: BinaryOperator; left: Expr; right: Expr }
  | { k: "unary"; op: "!" | "-"; operand: Expr }
  | {
      k: "for";
      keyVar?: string;
      valueVar: string;
      collection: Expr;
      /** present for the object form `{for … : key => value}` */
      key?: Expr;
      value: Expr;
      condition?: Expr;
      /** `value...`: group values of equal keys into lists */
      group: boolean;
    };

export type BinaryOperator =
  | "||"
  | "&&"
  | "=="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "+"
  | "-"
  | "*"
  | "/"
  | "%";
