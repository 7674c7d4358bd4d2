/** Column alignment: left for text, right for numbers. */
export type Align = "left" | "right";

/** Display width of a string (code points; wide CJK/emoji count as two cells). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width +=
      code >= 0x1100 &&
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u.test(
        ch,
      )
        ? 2
        : 1;
  }
  return width;
}

function pad(text: string, width: number, align: Align): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

/**
 * Lay rows out in aligned columns separated by two spaces; trailing spaces trimmed.
 * Rows given as a plain string (section headings) are kept as they are.
 */
export function alignColumns(
  rows: readonly (readonly string[] | string)[],
  aligns: readonly Align[],
): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    if (typeof row === "string") continue;
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
    });
  }
  return rows.map((row) =>
    typeof row === "string"
      ? row
      : row
          .map((cell, i) => pad(cell, widths[i] ?? 0, aligns[i] ?? "left"))
          .join("  ")
          .trimEnd(),
  );
}
