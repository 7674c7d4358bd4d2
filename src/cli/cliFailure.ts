/** A command failed for a reason the user can act on: its message goes to stderr, exit code 1, no stack. */
export class CliFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CliFailure";
  }
}
