import { forEachCluster } from "../../core/displayWidth.js";

/** Content of the second cell of a wide character; skipped on output. */
const WIDE_TAIL = "";
const SPACE = 32;
/** code of a wide character's second cell (0 never reaches a diagram: it is stripped) */
const TAIL = 0;

/**
 * A width × height buffer of terminal cells. Each cell holds one grapheme cluster (a
 * character with its combining marks, a joined emoji); a wide cluster (displayWidth 2)
 * fills its cell and puts a placeholder in the next one. Writes outside the buffer are
 * ignored. Cells are code points in a typed array (a diagram of 100 VPCs has millions of
 * cells); the rare cell holding a cluster of several code points keeps its text in `extra`.
 */
export class CellGrid {
  readonly width: number;
  readonly height: number;
  private readonly cells: Uint32Array;
  private readonly extra = new Map<number, string>();
  /** rows holding anything but one-unit characters (wide tails, astral, combining marks) */
  private readonly special: Uint8Array;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.cells = new Uint32Array(width * height).fill(SPACE);
    this.special = new Uint8Array(height);
  }

  inside(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.width && y < this.height;
  }

  get(x: number, y: number): string {
    if (!this.inside(x, y)) return " ";
    const i = y * this.width + x;
    const code = this.cells[i] ?? SPACE;
    return code === TAIL ? WIDE_TAIL : (this.extra.get(i) ?? String.fromCodePoint(code));
  }

  /** Put a one-cell character at (x, y), repairing any wide character it overlaps. */
  set(x: number, y: number, ch: string): void {
    if (!this.inside(x, y)) return;
    this.clearWide(x, y);
    this.put(y * this.width + x, ch);
  }

  /**
   * Write `text` left to right from (x, y), one grapheme cluster per cell (a joined emoji,
   * a flag, a letter with its combining marks stay whole), never past column `maxX`
   * (inclusive); a cluster that would not fit whole ends the text. A wide cluster fills its
   * cell and marks the cells it covers after it as continuations; a cluster with no width
   * (a mark with no base) is dropped. Returns the column after the last cell written.
   */
  write(x: number, y: number, text: string, maxX = this.width - 1): number {
    const limit = Math.min(maxX, this.width - 1);
    let col = x;
    if (y < 0 || y >= this.height) return col;
    const row = y * this.width;
    forEachCluster(text, (cluster, w) => {
      if (w === 0) return true;
      if (col + w - 1 > limit) return false;
      if (col >= 0) {
        this.set(col, y, cluster);
        for (let k = 1; k < w; k++) {
          this.clearWide(col + k, y);
          this.cells[row + col + k] = TAIL;
          this.extra.delete(row + col + k);
          this.special[y] = 1;
        }
      }
      col += w;
      return true;
    });
    return col;
  }

  /** The picture without trailing spaces, blank rows around it or a blank left margin. */
  toString(): string {
    const lines: string[] = [];
    for (let y = 0; y < this.height; y++) lines.push(this.rowText(y));
    let first = 0;
    let last = lines.length;
    while (last > first && lines[last - 1] === "") last--;
    while (first < last && lines[first] === "") first++;
    let indent = Number.POSITIVE_INFINITY;
    for (let i = first; i < last; i++) {
      const line = lines[i] ?? "";
      if (line !== "") indent = Math.min(indent, leadingSpaces(line));
    }
    const cut = Number.isFinite(indent) ? indent : 0;
    const out: string[] = [];
    for (let i = first; i < last; i++) out.push((lines[i] ?? "").slice(cut));
    return `${out.join("\n")}\n`;
  }

  /** One row as text, without trailing spaces; wide-character tails are skipped. */
  private rowText(y: number): string {
    const start = y * this.width;
    let end = start + this.width;
    while (end > start && this.cells[end - 1] === SPACE) end--;
    if (end === start) return "";
    if (this.special[y] === 0) {
      // only one-unit characters: decode the run at once
      return String.fromCharCode.apply(
        null,
        this.cells.subarray(start, end) as unknown as number[],
      );
    }
    let text = "";
    let run = start;
    const flush = (to: number) => {
      if (to > run) text += String.fromCodePoint(...this.cells.subarray(run, to));
    };
    for (let i = start; i < end; i++) {
      const code = this.cells[i];
      const special = code === TAIL ? "" : this.extra.get(i);
      if (special === undefined) continue;
      flush(i);
      text += special;
      run = i + 1;
    }
    flush(end);
    return text;
  }

  private put(i: number, ch: string): void {
    const code = ch.codePointAt(0) ?? SPACE;
    this.cells[i] = code;
    if (ch.length > (code > 0xffff ? 2 : 1)) this.extra.set(i, ch);
    else this.extra.delete(i);
    if (code > 0xffff || code === TAIL || ch.length > 1)
      this.special[Math.floor(i / this.width)] = 1;
  }

  /**
   * Before overwriting (x, y): blank the rest of a wide cluster it is part of (its first
   * cell and the cells it covers), so no half of one is left.
   */
  private clearWide(x: number, y: number): void {
    const row = y * this.width;
    if (this.cells[row + x] === TAIL) {
      let head = x - 1;
      while (head > 0 && this.cells[row + head] === TAIL) head--;
      for (let k = Math.max(0, head); k < x; k++) this.put(row + k, " ");
    }
    for (let k = x + 1; k < this.width && this.cells[row + k] === TAIL; k++) {
      this.put(row + k, " ");
    }
  }
}

function leadingSpaces(line: string): number {
  let n = 0;
  while (n < line.length && line.charCodeAt(n) === 32) n++;
  return n;
}
