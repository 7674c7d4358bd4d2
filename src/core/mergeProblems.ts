import { MAX_PROBLEMS, moreProblems } from "./capProblems.js";
import type { Problem } from "./problem.js";

function segments(path: string): string[] {
  return path.split(/[.[\]]+/).filter((s) => s !== "");
}

/** Whether `a` comes before `b` in the document, as far as their list indices tell. */
function before(a: string, b: string): boolean {
  const x = segments(a);
  const y = segments(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] ?? "";
    const q = y[i] ?? "";
    if (p === q) continue;
    if (/^\d+$/.test(p) && /^\d+$/.test(q)) return Number(p) < Number(q);
    return true;
  }
  return x.length <= y.length;
}

/**
 * Two complete problem lists (each in document order, `first`'s winning ties) merged into
 * one in document order, then capped: at most MAX_PROBLEMS, and one entry counting the rest.
 */
export function mergeProblems(first: readonly Problem[], second: readonly Problem[]): Problem[] {
  const out: Problem[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length) {
    const a = first[i];
    const b = second[j];
    if (a && (!b || before(a.path, b.path))) {
      out.push(a);
      i++;
    } else if (b) {
      out.push(b);
      j++;
    }
  }
  if (out.length <= MAX_PROBLEMS) return out;
  return [...out.slice(0, MAX_PROBLEMS), moreProblems(out.length - MAX_PROBLEMS)];
}
