const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const HEX4 = /[0-9a-fA-F]{4}/y;

/** What the scanner expects next. */
type Expect = "value" | "valueOrClose" | "key" | "keyOrClose" | "colon" | "after";

/**
 * The offset of the first character where `text` stops being JSON (text.length when it
 * ends too early), or -1 when it is valid. One pass, no recursion and constant work per
 * character, whatever the nesting: V8 does not say where some errors are, and re-reading
 * the text with the YAML parser to find out costs seconds on hostile input.
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  const stack: boolean[] = []; // true: inside an object, false: inside an array
  let i = 0;
  let expect: Expect = "value";

  /** Past a string starting at i (a quote); false at an invalid character (i points at it). */
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === "u") {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) return false;
          i += 6;
          continue;
        }
        if (e === undefined || !ESCAPES.has(e)) return false;
        i += 2;
        continue;
      }
      i++;
    }
    return false;
  };

  /** Past a number or literal at i; false when there is none. */
  const scalar = (): boolean => {
    for (const literal of ["true", "false", "null"]) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return true;
      }
    }
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) return false;
    i = NUMBER.lastIndex;
    return true;
  };

  for (;;) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      i++;
    }
    if (i >= n) return expect === "after" && stack.length === 0 ? -1 : n;
    const ch = text[i];
    const inObject = stack[stack.length - 1];
    switch (expect) {
      case "value":
      case "valueOrClose":
        if (expect === "valueOrClose" && ch === "]") {
          stack.pop();
          i++;
        } else if (ch === "{") {
          stack.push(true);
          i++;
          expect = "keyOrClose";
          continue;
        } else if (ch === "[") {
          stack.push(false);
          i++;
          expect = "valueOrClose";
          continue;
        } else if (ch === '"') {
          if (!string()) return i;
        } else if (!scalar()) return i;
        expect = "after";
        continue;
      case "key":
      case "keyOrClose":
        if (expect === "keyOrClose" && ch === "}") {
          stack.pop();
          i++;
          expect = "after";
          continue;
        }
        if (ch !== '"' || !string()) return i;
        expect = "colon";
        continue;
      case "colon":
        if (ch !== ":") return i;
        i++;
        expect = "value";
        continue;
      case "after":
        if (inObject === undefined) return i;
        if (ch === ",") {
          i++;
          expect = inObject ? "key" : "value";
        } else if (ch === (inObject ? "}" : "]")) {
          stack.pop();
          i++;
        } else return i;
        continue;
    }
  }
}
