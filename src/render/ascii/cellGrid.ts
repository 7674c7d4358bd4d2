import { charWidth } from "../displayWidth.js";

/** Content of the second cell of a wide character; skipped on output. */
const WIDE_TAIL = "";

/**
 * A width × height buffer of terminal cells. Each cell holds one character (plus any
 * combining marks after it); a wide character (displayWidth 2) fills its cell and puts
 * a placeholder in the next one. Writes outside the buffer are ignored.
 */
export class CellGrid {
  readonly width: number;
  readonly height: number;
  private readonly rows: string[][];

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.rows = Array.from({ length: height }, () => new Array<string>(width).fill(" "));
  }

  inside(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.width && y < this.height;
  }

  get(x: number, y: number): string {
    return this.rows[y]?.[x] ?? " ";
  }

  /** Put a one-cell character at (x, y), repairing any wide character it overlaps. */
  set(x: number, y: number, ch: string): void {
    const row = this.rows[y];
    if (!row || x < 0 || x >= this.width) return;
    this.clearWide(row, x);
    row[x] = ch;
  }

  /**
   * Write `text` left to right from (x, y), never past column `maxX` (inclusive); a wide
   * character that would not fit whole ends the text. Zero-width characters join the
   * previous cell. Returns the column after the last cell written.
   */
  write(x: number, y: number, text: string, maxX = this.width - 1): number {
    const row = this.rows[y];
    const limit = Math.min(maxX, this.width - 1);
    let col = x;
    let last = -1;
    if (!row) return col;
    for (const ch of text) {
      const w = charWidth(ch);
      if (w === 0) {
        const prev = row[last];
        if (last >= 0 && prev !== undefined) row[last] = prev + ch;
        continue;
      }
      if (col + w - 1 > limit) break;
      if (col >= 0) {
        this.set(col, y, ch);
        if (w === 2) {
          this.clearWide(row, col + 1);
          row[col + 1] = WIDE_TAIL;
        }
        last = col;
      }
      col += w;
    }
    return col;
  }

  /** Rows joined, trailing spaces and trailing blank rows removed, ending with "\n". */
  /** The picture without trailing spaces, blank rows around it or a blank left margin. */
  toString(): string {
    let lines = this.rows.map((row) => row.join("").replace(/ +$/, ""));
    while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    while (lines.length > 0 && lines[0] === "") lines.shift();
    const indent = Math.min(
      ...lines.filter((l) => l !== "").map((l) => /^ */.exec(l)?.[0].length ?? 0),
    );
    if (indent > 0 && Number.isFinite(indent)) lines = lines.map((l) => l.slice(indent));
    return `${lines.join("\n")}\n`;
  }

  private clearWide(row: string[], x: number): void {
    if (row[x] === WIDE_TAIL && x > 0) row[x - 1] = " ";
    if (row[x + 1] === WIDE_TAIL && row[x] !== WIDE_TAIL) row[x + 1] = " ";
  }
}
