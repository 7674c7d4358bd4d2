import { InvalidArgumentError } from "commander";

/** A commander argument parser: a positive safe integer. */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new InvalidArgumentError("must be a positive integer");
  return n;
}

/** A commander argument parser: 0 or a positive safe integer. */
export function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new InvalidArgumentError("must be a non-negative integer");
  return n;
}

/** A commander argument parser: a TCP port, 0 for any free one. */
export function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError("must be a port number 0-65535");
  return n;
}
