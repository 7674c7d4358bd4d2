import { didYouMean } from "./didYouMean.js";
import { formatPath, type Problem } from "./linkplanError.js";

export type Path = (string | number)[];

/** Collects problems found while checking a topology, so all are reported at once. */
export class ProblemList {
  readonly problems: Problem[] = [];

  /** Add a problem; with `word`, suggest the closest of `candidates` when one is close. */
  add(path: Path, message: string, word?: string, candidates: readonly string[] = []): void {
    const hint = word === undefined ? undefined : didYouMean(word, candidates);
    this.problems.push({
      path: formatPath(path),
      message: hint ? `${message} (did you mean "${hint}"?)` : message,
    });
  }

  /** Report an unknown reference, with a did-you-mean when a candidate is close. */
  unknown(path: Path, what: string, ref: string, candidates: readonly string[], where = ""): void {
    this.add(path, `unknown ${what} "${ref}"${where ? ` ${where}` : ""}`, ref, candidates);
  }

  /** Report ids that appear more than once among `items`. */
  duplicates(
    items: readonly { id: string }[],
    pathOf: (i: number) => Path,
    what: string,
    scope = "",
  ): void {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else
        this.add(
          [...pathOf(i), "id"],
          `duplicate ${what} id "${item.id}"${scope ? ` ${scope}` : ""} (first defined at ${formatPath(pathOf(first))})`,
        );
    });
  }
}
