/**
 * The README's runnable examples. Convention (see README "Development"):
 * - every ```sh block is run (bash, in a scratch directory holding `examples/`);
 * - the ```text block right after it (only blank lines between) is what it prints, stdout
 *   and stderr together in order; a line holding only `…` there stands for any lines;
 * - an ```sh block without a ```text block after it must simply exit 0.
 */

/** The README with the output shown for some examples replaced (UPDATE_GOLDEN=1). */
export function withOutputs(
  readme: string,
  outputs: readonly { lines: [number, number]; output: string }[],
): string {
  const lines = readme.split("\n");
  // from the last block up, so earlier line numbers stay valid
  for (const { lines: range, output } of [...outputs].sort((a, b) => b.lines[0] - a.lines[0])) {
    const body = output
      .replace(/\n+$/, "")
      .split("\n")
      .map((l) => l.trimEnd());
    lines.splice(range[0], range[1] - range[0], ...body);
  }
  return lines.join("\n");
}
export interface ReadmeExample {
  /** 1-based line of the ```sh fence */
  line: number;
  script: string;
  /** the output shown, or null when none is */
  expected: string | null;
  /** 0-based lines [start, end) of the shown output's body in the README */
  expectedLines: [number, number] | null;
}

interface Fence {
  line: number;
  lang: string;
  body: string;
  /** line after the closing fence */
  end: number;
}

function fences(lines: readonly string[]): Fence[] {
  const out: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i] ?? "");
    if (!open) continue;
    const indent = open[1] ?? "";
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && (lines[j] ?? "").trim() !== "```"; j++) {
      body.push((lines[j] ?? "").slice(indent.length));
    }
    out.push({ line: i + 1, lang: open[2] ?? "", body: body.join("\n"), end: j + 1 });
    i = j;
  }
  return out;
}

export function readmeExamples(readme: string): ReadmeExample[] {
  const lines = readme.split("\n");
  const all = fences(lines);
  const examples: ReadmeExample[] = [];
  all.forEach((fence, k) => {
    if (fence.lang !== "sh") return;
    const next = all[k + 1];
    const between = next ? lines.slice(fence.end, next.line - 1) : ["x"];
    const adjacent = next?.lang === "text" && between.every((l) => l.trim() === "");
    examples.push({
      line: fence.line,
      script: fence.body,
      expected: adjacent && next ? next.body : null,
      expectedLines: adjacent && next ? [next.line, next.end - 1] : null,
    });
  });
  return examples;
}

/** Whether `actual` matches `expected`, where a `…` line in `expected` stands for any lines. */
export function matchesShown(actual: string, expected: string): boolean {
  const want = expected.split("\n").map((l) => l.trimEnd());
  const got = actual
    .replace(/\n+$/, "")
    .split("\n")
    .map((l) => l.trimEnd());
  // classic wildcard matching over lines: linear in |want| × |got| (small)
  const memo = new Map<string, boolean>();
  const match = (w: number, g: number): boolean => {
    const key = `${w},${g}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (w === want.length) result = g === got.length;
    else if (want[w] === "…") result = match(w + 1, g) || (g < got.length && match(w, g + 1));
    else result = g < got.length && want[w] === got[g] && match(w + 1, g + 1);
    memo.set(key, result);
    return result;
  };
  return match(0, 0);
}
