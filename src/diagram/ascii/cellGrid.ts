import { forEachCluster } from "../../core/displayWidth.js";

/** Content of the second cell of a wide character; skipped on output. */
const WIDE_TAIL = "";
const SPACE = 32;
/** code of a wide character's second cell (U+FFFF, a noncharacter: see OWN_TEXT) */
const TAIL = 0xffff;
/**
 * code of a cell whose cluster is kept in `extra`: one of several code units (astral
 * characters, combining marks, joined emoji) or U+FFFE / U+FFFF themselves
 */
const OWN_TEXT = 0xfffe;

/**
 * A width × height buffer of terminal cells. Each cell holds one grapheme cluster (a
 * character with its combining marks, a joined emoji); a wide cluster (displayWidth 2)
 * fills its cell and puts a placeholder in the next one. Writes outside the buffer are
 * ignored. Cells are UTF-16 code units in a typed array (a diagram of 2,000 VPCs has tens of
 * millions of cells); the rare cell holding a cluster of several code units keeps its text
 * in `extra`.
 */
export class CellGrid {
  readonly width: number;
  readonly height: number;
  private readonly cells: Uint16Array;
  private readonly extra = new Map<number, string>();
  /** rows holding anything but one-unit characters (wide tails, astral, combining marks) */
  private readonly special: Uint8Array;
  /** one row's codes with blanks as spaces, as rowText decodes them */
  private readonly row: Uint16Array;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    // blank cells are spaces, so a row is its own text (filling is one native pass; it beat
    // copying every row with blanks turned into spaces)
    this.cells = new Uint16Array(width * height).fill(SPACE);
    this.special = new Uint8Array(height);
    this.row = new Uint16Array(width);
  }

  inside(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.width && y < this.height;
  }

  get(x: number, y: number): string {
    if (!this.inside(x, y)) return " ";
    const i = y * this.width + x;
    const code = this.cells[i] ?? SPACE;
    if (code === TAIL) return WIDE_TAIL;
    return code === OWN_TEXT ? (this.extra.get(i) ?? " ") : String.fromCharCode(code);
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
          if (this.extra.size > 0) this.extra.delete(row + col + k);
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
    const { width, height, cells } = this;
    const blank = (code: number | undefined): boolean => code === SPACE;
    // each row's end (after its last visible cell), and the blank columns left of them all
    const ends = new Int32Array(height);
    let first = -1;
    let last = -1;
    let cut = width;
    for (let y = 0; y < height; y++) {
      const start = y * width;
      let end = width;
      while (end > 0 && blank(cells[start + end - 1])) end--;
      ends[y] = end;
      if (end === 0) continue;
      if (first < 0) first = y;
      last = y;
      let lead = 0;
      while (lead < cut && blank(cells[start + lead])) lead++;
      cut = lead;
    }
    // (no lone surrogate reaches a cell: labels pass terminalSafe)
    const decoder = new TextDecoder("utf-16le", { ignoreBOM: true });
    const lines: string[] = [];
    for (let y = first; y >= 0 && y <= last; y++)
      lines.push(this.rowText(y, cut, ends[y] ?? 0, decoder));
    return `${lines.join("\n")}\n`;
  }

  /**
   * Row y from column `from` to column `to` (exclusive) as text; wide-character tails are
   * skipped. A row of one-unit characters is decoded straight from the cells: a TextDecoder
   * makes no garbage, where String.fromCharCode.apply first copies the row into an argument
   * list of 8 bytes a character (230 MB for a 2,000-VPC diagram).
   */
  private rowText(y: number, from: number, to: number, decoder: TextDecoder): string {
    if (to <= from) return "";
    const start = y * this.width;
    if (this.special[y] === 0) return decoder.decode(this.cells.subarray(start + from, start + to));
    const codes = this.row.subarray(0, to - from);
    codes.set(this.cells.subarray(start + from, start + to));
    let text = "";
    let run = 0;
    const flush = (end: number) => {
      if (end > run)
        text += String.fromCharCode.apply(null, codes.subarray(run, end) as unknown as number[]);
    };
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i];
      if (code !== TAIL && code !== OWN_TEXT) continue;
      const special = code === TAIL ? "" : (this.extra.get(start + from + i) ?? " ");
      flush(i);
      text += special;
      run = i + 1;
    }
    flush(codes.length);
    return text;
  }

  private put(i: number, ch: string): void {
    const code = ch.length === 0 ? SPACE : ch.charCodeAt(0);
    if (ch.length > 1 || code >= OWN_TEXT) {
      this.cells[i] = OWN_TEXT;
      this.extra.set(i, ch);
      this.special[Math.floor(i / this.width)] = 1;
      return;
    }
    this.cells[i] = code;
    // (most diagrams hold no cluster of several code units: no lookup per cell then)
    if (this.extra.size > 0) this.extra.delete(i);
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
