/** One problem with an input, located by its path ("accounts[0].vpcs[1].azs[2]"). */
export interface Problem {
  path: string;
  message: string;
}

/** Stable error codes shared by the CLI (exit code 1) and the HTTP API (4xx). */
export type LinkplanErrorCode =
  | "invalid_topology"
  | "invalid_syntax"
  | "invalid_catalog"
  | "missing_price"
  /** options of a command or transform that do not fit the topology (unknown VPC, …) */
  | "invalid_request"
  /** a diagram over a size limit (nodes, canvas cells, edge cells): see DiagramLimits */
  | "diagram_too_large";

/** An error caused by what the caller sent: it carries every problem found, never a stack. */
export class LinkplanError extends Error {
  readonly code: LinkplanErrorCode;
  readonly problems: Problem[];

  constructor(code: LinkplanErrorCode, summary: string, problems: Problem[]) {
    super(
      problems.length === 0
        ? summary
        : `${summary}\n${problems.map((p) => `  ${p.path ? `${p.path}: ` : ""}${p.message}`).join("\n")}`,
    );
    this.name = "LinkplanError";
    this.code = code;
    this.problems = problems;
  }
}

/** Format a property path the way users write it: a.b[0].c */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key))
      out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}
