import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type LineCounter } from "yaml";
import { LinkplanError, type Problem } from "../core/linkplanError.js";
import { MAX_NESTING, nestingTooDeep } from "./checkNesting.js";
import { located } from "./composeYaml.js";

/**
 * How much YAML aliases may add to a document: an alias counts as everything the node it
 * refers to holds. Beyond either figure the document is refused (`document_too_large`).
 */
export const ALIAS_ALLOWANCE = {
  /** values (lists, mappings, scalars, keys) added beyond those written */
  values: 100_000,
  /** characters of strings added beyond those written */
  characters: 1_000_000,
} as const;

/** What a node resolves to, and how much it holds once its aliases are expanded. */
interface Resolved {
  value: unknown;
  values: number;
  characters: number;
  /** levels of lists and mappings in the value (0 for a scalar) */
  height: number;
  /** set while the node is being converted (an alias to it would be a cycle) */
  open: boolean;
}

interface Frame {
  items: readonly unknown[];
  next: number;
  /** level of this list or mapping (the document's is 1) */
  depth: number;
  value: Record<string, unknown> | unknown[];
  keys: Set<string> | undefined;
  /** expanded totals when the frame opened, for the size of an anchored node */
  start: { values: number; characters: number };
  height: number;
  anchored: Resolved | undefined;
  /** where the list or mapping starts, for problems about parts that have no position */
  offset: number;
}

type Node = { range?: readonly number[] | null; anchor?: string | undefined } | null;

/**
 * Where yamlToData puts the plain scalars it reads as values (not keys): each one's source
 * range and the list or mapping holding it, with its key or index (see valueSlots.ts).
 */
export interface ValueSlots {
  add(start: number, end: number, container: object, key: string | number): void;
  /** set when the document has an alias: a value may then appear in several places */
  aliased: boolean;
}

function put(target: Frame["value"], key: string | number, value: unknown): void {
  if (Array.isArray(target)) target.push(value);
  else if (key === "__proto__")
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[key] = value;
}

/**
 * The plain data of a composed YAML document (what yaml's `toJS` gives), converted without
 * recursion in one pass that also
 * - refuses a key repeated in one mapping ("Map keys must be unique", with line:column),
 *   using a set per mapping (yaml's own check compares every pair of keys: quadratic);
 * - resolves each alias in constant time to the node its anchor last named (yaml's `toJS`
 *   scans every anchor and alias before it: quadratic), sharing the value as yaml does;
 * - counts the document as if aliases were expanded and refuses it (`document_too_large`)
 *   when aliases add more than ALIAS_ALLOWANCE, or (`nesting_too_deep`) when an alias puts
 *   lists and mappings deeper than MAX_NESTING.
 */
export function yamlToData(
  doc: Document,
  source: string,
  lineCounter: LineCounter,
  values: ValueSlots | null = null,
): unknown {
  const problems: Problem[] = [];
  const at = (node: Node, fallback: number) =>
    located(source, lineCounter, node?.range?.[0] ?? fallback);
  const anchors = new Map<string, Resolved>();
  const literal = { values: 0, characters: 0 };
  const expanded = { values: 0, characters: 0 };
  const stack: Frame[] = [];
  let root: unknown = null;

  const checkSize = (node: Node, fallback: number) => {
    const values = expanded.values - literal.values;
    const characters = expanded.characters - literal.characters;
    if (values <= ALIAS_ALLOWANCE.values && characters <= ALIAS_ALLOWANCE.characters) return;
    const [what, added, allowed] =
      values > ALIAS_ALLOWANCE.values
        ? ["values", values, ALIAS_ALLOWANCE.values]
        : ["characters of text", characters, ALIAS_ALLOWANCE.characters];
    throw new LinkplanError(
      "document_too_large",
      `${source} is too large once its aliases are expanded`,
      [
        {
          path: at(node, fallback),
          message: `aliases add ${added.toLocaleString("en-US")} ${what} to the ${(what === "values" ? literal.values : literal.characters).toLocaleString("en-US")} written (counted up to here); linkplan accepts at most ${allowed.toLocaleString("en-US")} more ${what} than written`,
        },
      ],
    );
  };

  /** Convert one node: scalars and aliases at once, lists and mappings by opening a frame. */
  const visit = (
    node: unknown,
    depth: number,
    fallback: number,
  ): { value: unknown; height: number; frame?: Frame } => {
    if (node === null || node === undefined) {
      literal.values++;
      expanded.values++;
      return { value: null, height: 0 };
    }
    if (isScalar(node)) {
      const value: unknown = node.toJSON();
      const characters = typeof value === "string" ? value.length : 0;
      literal.values++;
      expanded.values++;
      literal.characters += characters;
      expanded.characters += characters;
      if (node.anchor)
        anchors.set(node.anchor, { value, values: 1, characters, height: 0, open: false });
      return { value, height: 0 };
    }
    if (isAlias(node)) {
      if (values) values.aliased = true;
      literal.values++;
      const target = anchors.get(node.source);
      if (!target || target.open) {
        problems.push({
          path: at(node, fallback),
          message: target
            ? `the alias *${node.source} refers to a node that contains it`
            : `Unresolved alias (the anchor must be set before the alias): ${node.source}`,
        });
        return { value: null, height: 0 };
      }
      expanded.values += target.values;
      expanded.characters += target.characters;
      checkSize(node, fallback);
      if (depth + target.height > MAX_NESTING) throw nestingTooDeep(at(node, fallback), source);
      return { value: target.value, height: target.height };
    }
    const isMapping = isMap(node) || isPair(node);
    if (!isMapping && !isSeq(node)) {
      problems.push({ path: at(null, fallback), message: "unsupported YAML node" });
      return { value: null, height: 0 };
    }
    if (depth + 1 > MAX_NESTING) throw nestingTooDeep(at(node as Node, fallback), source);
    literal.values++;
    expanded.values++;
    const value: Frame["value"] = isMapping ? {} : [];
    const anchor = isPair(node) ? undefined : node.anchor;
    const anchored: Resolved | undefined = anchor
      ? { value, values: 0, characters: 0, height: 0, open: true }
      : undefined;
    if (anchor && anchored) anchors.set(anchor, anchored);
    const frame: Frame = {
      // a pair inside a list ("[a: 1]") is a mapping of that one pair
      items: isPair(node) ? [node] : node.items,
      next: 0,
      depth: depth + 1,
      value,
      keys: isMapping ? new Set() : undefined,
      start: { values: expanded.values - 1, characters: expanded.characters },
      height: 1,
      anchored,
      offset: (node as Node)?.range?.[0] ?? fallback,
    };
    return { value, height: 1, frame };
  };

  const first = visit(doc.contents, 0, 0);
  root = first.value;
  if (first.frame) stack.push(first.frame);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (!frame) break;
    const item = frame.items[frame.next];
    if (frame.next >= frame.items.length) {
      stack.pop();
      if (frame.anchored) {
        frame.anchored.values = expanded.values - frame.start.values;
        frame.anchored.characters = expanded.characters - frame.start.characters;
        frame.anchored.height = frame.height;
        frame.anchored.open = false;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.height = Math.max(parent.height, frame.height + 1);
      continue;
    }
    frame.next++;
    let key: string | number = frame.next - 1;
    let child: unknown = item;
    const near = frame.offset;
    if (frame.keys) {
      if (!isPair(item)) continue;
      const keyNode = item.key as Node;
      const resolved = visit(item.key, frame.depth, near);
      if (resolved.frame || (typeof resolved.value === "object" && resolved.value !== null)) {
        problems.push({
          path: at(keyNode, near),
          message: "a mapping key must be a scalar (a string or a number), not a list or mapping",
        });
        // a list or mapping as a key is still walked (counted, checked), its value not kept
        if (resolved.frame) stack.push(resolved.frame);
        continue;
      }
      key = resolved.value === null ? "" : String(resolved.value);
      if (frame.keys.has(key))
        problems.push({ path: at(keyNode, near), message: "Map keys must be unique" });
      frame.keys.add(key);
      child = item.value;
    }
    const converted = visit(child, frame.depth, (child as Node)?.range?.[0] ?? near);
    if (Array.isArray(frame.value)) key = frame.value.length;
    put(frame.value, key, converted.value);
    if (values && isScalar(child) && child.type === "PLAIN" && !child.anchor && !child.tag) {
      const range = child.range;
      if (range) values.add(range[0], range[1], frame.value, key);
    }
    frame.height = Math.max(frame.height, converted.height + 1);
    if (converted.frame) stack.push(converted.frame);
  }
  if (problems.length > 0)
    throw new LinkplanError("invalid_syntax", `cannot parse ${source}`, problems);
  return root;
}
