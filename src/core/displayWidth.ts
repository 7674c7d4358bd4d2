const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{1FA70}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

/** Terminal cells a character takes: 2 for wide CJK and emoji, 0 for combining marks, else 1. */
export function charWidth(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 0x20 && code < 0x7f) return 1;
  if (/\p{M}|\u200D|[\uFE00-\uFE0F]/u.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}

/** Terminal cells a string takes (wide CJK/emoji count as two). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}
