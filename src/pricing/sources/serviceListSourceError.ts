import {
  type ErrorLike,
  networkCode,
  type PriceListFailure,
  REJECTED_CREDENTIALS,
} from "./priceListSourceError.js";

/** Why the AWS service list could not be read: as for the Price List. */
export type ServiceListFailure = PriceListFailure;

/** The permission `DescribeVpcEndpointServices` needs. */
export const SERVICE_LIST_PERMISSION = "ec2:DescribeVpcEndpointServices";

/** EC2's own names for a refused request (besides those every AWS API uses). */
const EC2_REFUSALS = new Set(["UnauthorizedOperation", "AuthFailure", "Blocked", "AccessDenied"]);

/**
 * An Amazon EC2 DescribeVpcEndpointServices failure the caller can act on: no credentials,
 * no network, no permission (the message names ec2:DescribeVpcEndpointServices), a Region
 * the account has not enabled.
 */
export class ServiceListSourceError extends Error {
  readonly failure: ServiceListFailure;
  /** the Region whose call failed */
  readonly region: string;

  constructor(
    failure: ServiceListFailure,
    region: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ServiceListSourceError";
    this.failure = failure;
    this.region = region;
  }

  /** Classify an error thrown by the SDK (or an injected client) for a call in `region`. */
  static from(error: unknown, region: string): ServiceListSourceError {
    if (error instanceof ServiceListSourceError) return error;
    const e: ErrorLike = typeof error === "object" && error !== null ? error : {};
    const name = typeof e.name === "string" ? e.name : "Error";
    const detail = typeof e.message === "string" && e.message ? e.message : String(error);
    const fail = (failure: ServiceListFailure, message: string) =>
      new ServiceListSourceError(failure, region, message, { cause: error });
    if (name === "CredentialsProviderError" || /could not load credentials/i.test(detail))
      return fail("credentials", `no AWS credentials found (${detail})`);
    const code = networkCode(e);
    if (code || name === "TimeoutError")
      return fail("network", `cannot reach the Amazon EC2 API in ${region} (${detail || code})`);
    if (name === "OptInRequired")
      return fail(
        "access-denied",
        `Amazon EC2 refused DescribeVpcEndpointServices in ${region}: the Region is not enabled for the account (${name}: ${detail})`,
      );
    if (REJECTED_CREDENTIALS.has(name) || EC2_REFUSALS.has(name))
      return fail(
        "access-denied",
        `Amazon EC2 refused DescribeVpcEndpointServices in ${region} (${name}: ${detail}); the credentials need the IAM permission ${SERVICE_LIST_PERMISSION}`,
      );
    return fail(
      "service",
      `Amazon EC2 DescribeVpcEndpointServices failed in ${region} (${name}: ${detail})`,
    );
  }
}
