/** Exit codes of the `linkplan` command. */
export const EXIT = {
  ok: 0,
  /** the input is invalid, a price is missing, a file cannot be read */
  invalid: 1,
  /** the command line is wrong: unknown command or option, a bad option value */
  usage: 2,
  /** a --fail-above gate failed (the report was still printed) */
  gate: 3,
  /** `linkplan check` found something at or above --fail-on */
  findings: 4,
  /** linkplan itself failed (a bug): EX_SOFTWARE */
  internal: 70,
} as const;

/** What one error code means everywhere: HTTP status, CLI exit code, problem title. */
export interface ErrorCodeInfo {
  /** the HTTP status the API answers with */
  status: number;
  /** the exit code of the CLI */
  exit: number;
  /** the RFC 9457 problem title */
  title: string;
}

/**
 * Every error linkplan reports, once: the library throws `LinkplanError(code, …)`, the CLI
 * exits with the code's `exit` and the API answers the code's `status` with a problem+json
 * body of this title and type. Codes only one surface can meet say so.
 */
export const ERROR_CODES = {
  /** YAML or JSON that cannot be read (line:column in the problems) */
  invalid_syntax: { status: 400, exit: EXIT.invalid, title: "Invalid syntax" },
  /** API: a request body that is empty or not valid JSON/YAML */
  malformed_body: { status: 400, exit: EXIT.invalid, title: "Malformed request body" },
  /** CLI: an input file (or directory) that does not exist or cannot be read */
  file_not_found: { status: 404, exit: EXIT.invalid, title: "File not found" },
  /** CLI: an output file that cannot be written */
  file_not_writable: { status: 500, exit: EXIT.invalid, title: "File not writable" },
  invalid_topology: { status: 422, exit: EXIT.invalid, title: "Invalid topology" },
  invalid_catalog: { status: 422, exit: EXIT.invalid, title: "Invalid price catalog" },
  /** a JSON that is not `terraform show -json` of a plan or state, or of another major format_version */
  invalid_terraform_plan: {
    status: 422,
    exit: EXIT.invalid,
    title: "Invalid Terraform plan or state",
  },
  missing_price: { status: 422, exit: EXIT.invalid, title: "Missing price" },
  /** a query parameter or command-line option that fails its schema, or conflicting options */
  invalid_option: { status: 400, exit: EXIT.usage, title: "Invalid option" },
  /** request members besides the topology (pairs, transform) that fail their schema, or options that do not fit the topology (an unknown VPC, account, AZ or service) */
  invalid_request: { status: 422, exit: EXIT.invalid, title: "Invalid request" },
  /** more VPCs or endpoints than the server accepts */
  limit_exceeded: { status: 422, exit: EXIT.invalid, title: "Limit exceeded" },
  /** lists and mappings nested deeper than MAX_NESTING (64) */
  nesting_too_deep: { status: 422, exit: EXIT.invalid, title: "Nesting too deep" },
  /** YAML aliases expand the document beyond the documented allowance */
  document_too_large: { status: 413, exit: EXIT.invalid, title: "Document too large" },
  /** a diagram over a size limit (nodes, canvas cells, edge cells) */
  diagram_too_large: { status: 422, exit: EXIT.invalid, title: "Diagram too large" },
  /** CLI: --fail-above: the monthly increase is over the gate */
  gate_failed: { status: 422, exit: EXIT.gate, title: "Cost gate failed" },
  /** CLI: `linkplan check` found something at or above --fail-on */
  check_failed: { status: 422, exit: EXIT.findings, title: "Check found problems" },
  /** `prices refresh`: the AWS Price List API cannot be reached or refuses (cause attached) */
  price_list_unavailable: {
    status: 502,
    exit: EXIT.invalid,
    title: "AWS Price List unavailable",
  },
  /** `prices refresh`: Amazon EC2 DescribeVpcEndpointServices cannot be reached or refuses */
  service_list_unavailable: {
    status: 502,
    exit: EXIT.invalid,
    title: "AWS service list unavailable",
  },
  /** API: an HTTP request that is not well formed (URL encoding, headers, Content-Length) */
  malformed_request: { status: 400, exit: EXIT.invalid, title: "Malformed request" },
  /** API: a body over the server's byte limit */
  body_too_large: { status: 413, exit: EXIT.invalid, title: "Request body too large" },
  /** API: a body neither JSON nor YAML */
  unsupported_media_type: { status: 415, exit: EXIT.invalid, title: "Unsupported media type" },
  /** API: no such route or example */
  not_found: { status: 404, exit: EXIT.invalid, title: "Not found" },
  /** API: a known route with another method */
  method_not_allowed: { status: 405, exit: EXIT.invalid, title: "Method not allowed" },
  /** API: the request was not received in time */
  request_timeout: { status: 408, exit: EXIT.invalid, title: "Request timeout" },
  /** API: a URL longer than the server reads */
  uri_too_long: { status: 414, exit: EXIT.invalid, title: "URI too long" },
  /** API: request headers larger than the server reads */
  headers_too_large: {
    status: 431,
    exit: EXIT.invalid,
    title: "Request header fields too large",
  },
  /** API: the work took longer than the server's deadline */
  work_timeout: { status: 503, exit: EXIT.invalid, title: "Work took too long" },
  /** API: the server is shutting down */
  shutting_down: { status: 503, exit: EXIT.invalid, title: "Shutting down" },
  /** a fault of linkplan, never of the input: logged with its stack, shown without it */
  internal_error: { status: 500, exit: EXIT.internal, title: "Internal error" },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Every code, in table order. */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

/** The problem type URI of a code (RFC 9457 `type`). */
export function problemType(code: ErrorCode): string {
  return `https://linkplan.dev/problems/${code.replace(/_/g, "-")}`;
}
