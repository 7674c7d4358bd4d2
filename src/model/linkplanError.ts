import { capProblems } from "./capProblems.js";

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
  /** lists and mappings nested deeper than MAX_NESTING (64) */
  | "nesting_too_deep"
  /** YAML aliases expand the document beyond the documented allowance */
  | "document_too_large"
  /** a diagram over a size limit (nodes, canvas cells, edge cells): see DiagramLimits */
  | "diagram_too_large";

/**
 * An error caused by what the caller sent: it carries the problems found, never a stack.
 * At most MAX_PROBLEMS (100) are kept, then one entry counting the rest (see capProblems).
 */
export class LinkplanError extends Error {
  readonly code: LinkplanErrorCode;
  readonly problems: Problem[];

  constructor(
    code: LinkplanErrorCode,
    summary: string,
    problems: Problem[],
    options?: { cause?: unknown },
  ) {
    const capped = capProblems(problems);
    super(
      capped.length === 0
        ? summary
        : `${summary}\n${capped.map((p) => `  ${p.path ? `${p.path}: ` : ""}${p.message}`).join("\n")}`,
      options,
    );
    this.name = "LinkplanError";
    this.code = code;
    this.problems = capped;
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
