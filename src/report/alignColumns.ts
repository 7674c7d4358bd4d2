import { displayWidth } from "../core/displayWidth.js";

/** Column alignment: left for text, right for numbers. */
export type Align = "left" | "right";

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
