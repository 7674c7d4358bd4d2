import { parseDocument } from "./parseDocument.js";
import type { ValueSlots } from "./yamlToData.js";

/**
 * The text a plain scalar may be edited into without reading the document again: letters,
 * digits, `_`, `.` and `-`, starting with a letter, digit or `_` (or `-`/`.` before a digit,
 * so never `---`, `...` or `- `). No space, `:`, `#`, quote or bracket: such a scalar cannot
 * end early, join its neighbours or start a comment, in block and flow context alike, and
 * its value does not depend on where it stands.
 */
const SIMPLE_SCALAR = /^(?:[A-Za-z0-9_]|[-.][0-9])[A-Za-z0-9_.-]*$/;
/** Longer values are read with the whole document (no shortcut needed). */
const MAX_SCALAR = 256;

function simple(scalar: string): boolean {
  return scalar.length <= MAX_SCALAR && SIMPLE_SCALAR.test(scalar);
}

/** Plain scalar values of a document, in text order: source range, holder and key. */
export class SlotTable implements ValueSlots {
  starts: number[] = [];
  ends: number[] = [];
  holders: object[] = [];
  keys: (string | number)[] = [];
  aliased = false;
  /** false once a slot arrives out of text order (then the table is not used) */
  ordered = true;

  add(start: number, end: number, holder: object, key: string | number): void {
    const last = this.ends[this.ends.length - 1];
    if (last !== undefined && start < last) this.ordered = false;
    this.starts.push(start);
    this.ends.push(end);
    this.holders.push(holder);
    this.keys.push(key);
  }
}

/**
 * A document's text and data (what parseDocument reads), kept with where each plain scalar
 * value lies in the text (slots null when the document has none to offer: JSON, aliases or
 * directives). See editDocument.
 */
export interface EditableDocument {
  readonly text: string;
  readonly data: unknown;
  readonly slots: SlotTable | null;
}

/** parseDocument(text, source), kept for editDocument; throws what parseDocument throws. */
export function editableDocument(text: string, source = "input"): EditableDocument {
  const slots = new SlotTable();
  const data = parseDocument(text, source, slots);
  // an alias repeats a value elsewhere; a %YAML directive may change how scalars read
  const usable =
    slots.ordered && !slots.aliased && !/(^|\n)%/.test(text) && slots.starts.length > 0;
  return { text, data, slots: usable ? slots : null };
}

/** The index of the last slot starting at or before `offset` (-1 when none). */
function slotAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? 0) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Assign as yamlToData's `put` does (`__proto__` as an own key, never the prototype). */
function assign(holder: object, key: string | number, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(holder, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else (holder as Record<string | number, unknown>)[key] = value;
}

/**
 * `text`, read from `previous` when the two differ only inside one plain scalar value that
 * stays a simple scalar (typing `7.55` over `7.5`, `azs: 1` over `azs: 3`): the data is the
 * previous data with that value replaced — exactly what parseDocument(text) reads, in time
 * linear in the text with no YAML read of it. Null when the edit is anything else (a key,
 * structure, quotes, comments, spaces, several values): read the text anew then.
 *
 * The previous document is consumed: its data and slots are updated in place and belong
 * to the document returned.
 */
export function editDocument(
  previous: EditableDocument,
  text: string,
  source = "input",
): EditableDocument | null {
  const { slots, text: before } = previous;
  if (!slots) return null;
  if (before === text) return previous;
  const shorter = Math.min(before.length, text.length);
  let head = 0;
  while (head < shorter && before.charCodeAt(head) === text.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < shorter - head &&
    before.charCodeAt(before.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)
  ) {
    tail++;
  }
  // the text changed in before[head, before.length - tail): it must lie in one slot
  const i = slotAt(slots.starts, head);
  const start = slots.starts[i];
  const end = slots.ends[i];
  const holder = slots.holders[i];
  const key = slots.keys[i];
  if (start === undefined || end === undefined || holder === undefined || key === undefined)
    return null;
  if (before.length - tail > end) return null;
  // the value was simple too: then what ends it (a space, a line end, `,`, `]`, `}`) ends
  // the new one (an empty value before ` #x` would not: `0#x` is one scalar)
  const delta = text.length - before.length;
  const scalar = text.slice(start, end + delta);
  if (!simple(before.slice(start, end)) || !simple(scalar)) return null;
  let value: unknown;
  try {
    value = parseDocument(scalar, source);
  } catch {
    return null;
  }
  if (typeof value === "object" && value !== null) return null;
  assign(holder, key, value);
  slots.ends[i] = end + delta;
  if (delta !== 0) {
    for (let j = i + 1; j < slots.starts.length; j++) {
      slots.starts[j] = (slots.starts[j] ?? 0) + delta;
      slots.ends[j] = (slots.ends[j] ?? 0) + delta;
    }
  }
  return { text, data: previous.data, slots };
}
