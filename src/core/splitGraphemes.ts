const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Units handed to the segmenter at once (a window grows only for a longer cluster). */
const WINDOW_UNITS = 256;

/**
 * Call `visit` with each grapheme cluster of `text` (UAX #29, as Intl.Segmenter finds
 * them), in order. V8's segment iterator spends time proportional to the whole text on
 * every cluster, so 40,000 clusters took seconds: the text is segmented a window at a
 * time instead. Each window starts at a cluster boundary, where segmenting afresh gives
 * the boundaries the whole text would (the rules look back only within a cluster, and
 * flags pair up from a boundary) and a boundary depends on the character after it, so
 * every cluster but the window's last is exact (a window never ends inside a surrogate
 * pair), and the next window starts at that last one. A window holding one cluster doubles until the
 * cluster fits (a letter under a pile of marks). Linear time.
 */
export function splitGraphemes(text: string, visit: (cluster: string) => void): void {
  let start = 0;
  let size = WINDOW_UNITS;
  while (start < text.length) {
    let end = start + size;
    if (end >= text.length) {
      for (const { segment } of segmenter.segment(text.slice(start))) visit(segment);
      return;
    }
    // never between the halves of a surrogate pair: the window's last character is whole
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    let pending: string | null = null;
    let taken = 0;
    for (const { segment } of segmenter.segment(text.slice(start, end))) {
      if (pending !== null) {
        visit(pending);
        taken += pending.length;
      }
      pending = segment;
    }
    if (taken === 0) {
      size *= 2;
    } else {
      start += taken;
      size = WINDOW_UNITS;
    }
  }
}
