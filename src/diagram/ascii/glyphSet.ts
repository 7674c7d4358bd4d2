/**
 * The characters renderAscii draws with. "unicode" uses box-drawing characters; "ascii"
 * only printable ASCII. AZ borders are dashed: ╌ ╎ in unicode, "." and ":" in ascii
 * (corners stay ┌ ┐ └ ┘ / "+"). Comparison marks are "+" (added), "-" (removed) and "~"
 * (changed), drawn as "[+]" / "[-]" / "[~]" on the top border. In "ascii", the marks
 * linkplan adds to labels (· → ← … — − ×) are written as one-cell ASCII stand-ins; the
 * user's own characters stay.
 */
export interface GlyphSet {
  topLeft: string;
  topRight: string;
  bottomLeft: string;
  bottomRight: string;
  horizontal: string;
  vertical: string;
  dashedHorizontal: string;
  dashedVertical: string;
  /** an edge crossing another edge or a box border */
  cross: string;
  /** T-junctions, named by the side without a line: ┬ has no line up */
  teeDown: string;
  teeUp: string;
  teeRight: string;
  teeLeft: string;
  arrowRight: string;
  arrowLeft: string;
  arrowDown: string;
  arrowUp: string;
  added: string;
  removed: string;
  changed: string;
  /** how text is written: as is, or with linkplan's own typographic marks in ASCII */
  text: (line: string) => string;
}

/** One-cell ASCII stand-ins for the marks linkplan itself puts in labels. */
const ASCII_MARKS: Record<string, string> = {
  "·": "-",
  "→": ">",
  "←": "<",
  "…": "~",
  "—": "-",
  "−": "-",
  "×": "x",
};

const UNICODE: Readonly<GlyphSet> = Object.freeze({
  topLeft: "┌",
  topRight: "┐",
  bottomLeft: "└",
  bottomRight: "┘",
  horizontal: "─",
  vertical: "│",
  dashedHorizontal: "╌",
  dashedVertical: "╎",
  cross: "┼",
  teeDown: "┬",
  teeUp: "┴",
  teeRight: "├",
  teeLeft: "┤",
  arrowRight: "▶",
  arrowLeft: "◀",
  arrowDown: "▼",
  arrowUp: "▲",
  added: "+",
  removed: "-",
  changed: "~",
  text: (line: string) => line,
});

const ASCII: Readonly<GlyphSet> = Object.freeze({
  topLeft: "+",
  topRight: "+",
  bottomLeft: "+",
  bottomRight: "+",
  horizontal: "-",
  vertical: "|",
  dashedHorizontal: ".",
  dashedVertical: ":",
  cross: "+",
  teeDown: "+",
  teeUp: "+",
  teeRight: "+",
  teeLeft: "+",
  arrowRight: ">",
  arrowLeft: "<",
  arrowDown: "v",
  arrowUp: "^",
  added: "+",
  removed: "-",
  changed: "~",
  text: (line: string) => line.replace(/[·→←…—−×]/g, (ch) => ASCII_MARKS[ch] ?? ch),
});

export function glyphSet(charset: "unicode" | "ascii"): Readonly<GlyphSet> {
  return charset === "ascii" ? ASCII : UNICODE;
}
