import { MAX_PROBLEMS, moreProblems } from "./capProblems.js";
import { type DistanceWork, didYouMean } from "./didYouMean.js";
import { formatPath, type Problem } from "./linkplanError.js";
import { below, keysOf, type Path } from "./problemPath.js";

export type { Path } from "./problemPath.js";

/** Candidates for a did-you-mean, or a function giving them (called only when needed). */
export type Candidates = Iterable<string> | (() => Iterable<string>);

/**
 * Collects problems found while checking a topology, so all are reported at once. Past
 * MAX_PROBLEMS (100) it only counts: no message is built, no suggestion looked for.
 */
export class ProblemList {
  private readonly listed: Problem[] = [];
  private found = 0;

  /** `work`, when given, counts the did-you-mean distance cells computed (for tests). */
  constructor(private readonly work?: DistanceWork) {}

  /** How many problems were found (listed or not). */
  get count(): number {
    return this.found;
  }

  /** The first MAX_PROBLEMS problems, then one entry saying how many more were found. */
  get problems(): Problem[] {
    const more = this.found - this.listed.length;
    return more > 0 ? [...this.listed, moreProblems(more)] : [...this.listed];
  }

  /** Whether a new problem would still be listed (callers can skip building its message). */
  get listing(): boolean {
    return this.listed.length < MAX_PROBLEMS;
  }

  /**
   * Add a problem; with `word`, suggest the closest of `candidates` when one is close. The
   * message may be a function, built only while problems are still listed.
   */
  add(path: Path, message: string | (() => string), word?: string, candidates?: Candidates): void {
    this.found++;
    if (!this.listing) return;
    const text = typeof message === "string" ? message : message();
    const pool = typeof candidates === "function" ? candidates() : candidates;
    const hint =
      word === undefined || pool === undefined ? undefined : didYouMean(word, pool, this.work);
    this.listed.push({
      path: formatPath(keysOf(path)),
      message: hint ? `${text} (did you mean "${hint}"?)` : text,
    });
  }

  /** Report an unknown reference, with a did-you-mean when a candidate is close. */
  unknown(path: Path, what: string, ref: string, candidates: Candidates, where = ""): void {
    this.add(path, () => `unknown ${what} "${ref}"${where ? ` ${where}` : ""}`, ref, candidates);
  }

  /** Report ids that appear more than once among `items`. */
  duplicates(
    items: readonly { id: string }[],
    pathOf: (i: number) => Path,
    what: string,
    scope = "",
  ): void {
    if (items.length < 2) return;
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else
        this.add(
          below(pathOf(i), "id"),
          () =>
            `duplicate ${what} id "${item.id}"${scope ? ` ${scope}` : ""} (first defined at ${formatPath(keysOf(pathOf(first)))})`,
        );
    });
  }
}
