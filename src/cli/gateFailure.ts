/** A CI gate that did not pass (e.g. compare --fail-above): exit code 3, message on stderr. */
export class GateFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GateFailure";
  }
}
