/** Bounds of one did-you-mean lookup. */
export const DID_YOU_MEAN_LIMITS = {
  /** words longer than this get no suggestion */
  maxWordLength: 64,
  /** candidates looked at per lookup (in the order given); later ones are not considered */
  maxCandidates: 2000,
  /** distance cells computed per lookup; the lookup stops comparing once past it */
  maxCells: 100_000,
} as const;

/** Counts the Levenshtein cells computed, for tests that assert a bound on the work. */
export interface DistanceWork {
  cells: number;
}

/**
 * Levenshtein distance between `s` and `t` if it is at most `max`, else max + 1. Only the
 * band of cells within `max` of the diagonal is computed, and the computation stops as
 * soon as every cell of a row exceeds `max`: O(length × max) steps.
 */
function boundedDistance(s: string, t: string, max: number, work: DistanceWork): number {
  if (Math.abs(s.length - t.length) > max) return max + 1;
  const over = max + 1;
  // previous[j]: distance between s[0, i-1) and t[0, j); only the band is ever read, and
  // the cells just outside it hold "over"
  let previous = new Array<number>(t.length + 2);
  let current = new Array<number>(t.length + 2);
  for (let j = 0; j <= t.length + 1; j++) previous[j] = j <= max ? j : over;
  for (let i = 1; i <= s.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(t.length, i + max);
    // column 0 (distance i) when the band reaches it, else just outside the band
    const edge = from === 1 && i <= max ? i : over;
    current[from - 1] = edge;
    current[to + 1] = over;
    let rowMin = edge;
    const c = s.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const replace = (previous[j - 1] ?? over) + (c === t.charCodeAt(j - 1) ? 0 : 1);
      const insert = (current[j - 1] ?? over) + 1;
      const remove = (previous[j] ?? over) + 1;
      const d = Math.min(replace, insert, remove, over);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    work.cells += to - from + 1;
    if (rowMin > max) return over;
    [previous, current] = [current, previous];
  }
  return previous[t.length] ?? over;
}

/**
 * The candidate closest to `word` (case-insensitive Levenshtein distance; the first of
 * equally close ones), if it is close enough to be a likely typo: within a third of the
 * word's length (at least 1). Bounded: no suggestion for words longer than 64 characters,
 * at most 2,000 candidates looked at, only those whose length is within the allowed
 * distance compared, each with a banded, early-exit distance, and at most 100,000 distance
 * cells per lookup. `work`, when given, is increased by the cells computed.
 */
export function didYouMean(
  word: string,
  candidates: Iterable<string>,
  work?: DistanceWork,
): string | undefined {
  if (word.length > DID_YOU_MEAN_LIMITS.maxWordLength) return undefined;
  const limit = Math.max(1, Math.floor(word.length / 3));
  const s = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  let looked = 0;
  const spent: DistanceWork = { cells: 0 };
  for (const candidate of candidates) {
    if (++looked > DID_YOU_MEAN_LIMITS.maxCandidates || spent.cells > DID_YOU_MEAN_LIMITS.maxCells)
      break;
    // a candidate must beat the best so far: distance ≥ the difference in length
    if (Math.abs(candidate.length - word.length) >= bestDistance + 1) continue;
    const d = boundedDistance(s, candidate.toLowerCase(), bestDistance - 1, spent);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  if (work) work.cells += spent.cells;
  return best;
}
