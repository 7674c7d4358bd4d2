/** Why the Price List API could not be read. */
export type PriceListFailure = "credentials" | "network" | "access-denied" | "service";

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);

/** Error names of AWS APIs that refuse the credentials (any service). */
export const REJECTED_CREDENTIALS: ReadonlySet<string> = new Set([
  "AccessDeniedException",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "ExpiredTokenException",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
]);

export interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

/** The Node network error code of an SDK error (ECONNREFUSED, …), if it is one. */
export function networkCode(error: ErrorLike): string | undefined {
  if (typeof error.code === "string" && NETWORK_CODES.has(error.code)) return error.code;
  // Node's happy-eyeballs connect throws an AggregateError of per-address errors
  if (Array.isArray(error.errors)) {
    for (const inner of error.errors as ErrorLike[]) {
      const code = inner && networkCode(inner);
      if (code) return code;
    }
  }
  return undefined;
}

/** A Price List API failure the caller can act on: no credentials, no network, no permission. */
export class PriceListSourceError extends Error {
  readonly failure: PriceListFailure;

  constructor(failure: PriceListFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PriceListSourceError";
    this.failure = failure;
  }

  /** Classify an error thrown by the SDK (credential chain, HTTP handler or service). */
  static from(error: unknown): PriceListSourceError {
    if (error instanceof PriceListSourceError) return error;
    const e: ErrorLike = typeof error === "object" && error !== null ? error : {};
    const name = typeof e.name === "string" ? e.name : "Error";
    const detail = typeof e.message === "string" && e.message ? e.message : String(error);
    if (name === "CredentialsProviderError" || /could not load credentials/i.test(detail)) {
      return new PriceListSourceError("credentials", `no AWS credentials found (${detail})`, {
        cause: error,
      });
    }
    const code = networkCode(e);
    if (code || name === "TimeoutError") {
      const what = typeof e.message === "string" && e.message ? e.message : (code ?? name);
      return new PriceListSourceError("network", `cannot reach the AWS Price List API (${what})`, {
        cause: error,
      });
    }
    if (REJECTED_CREDENTIALS.has(name)) {
      return new PriceListSourceError(
        "access-denied",
        `the AWS Price List API refused the credentials (${name}: ${detail}); they need the IAM permission pricing:GetProducts`,
        { cause: error },
      );
    }
    return new PriceListSourceError(
      "service",
      `the AWS Price List API failed (${name}: ${detail})`,
      { cause: error },
    );
  }
}
