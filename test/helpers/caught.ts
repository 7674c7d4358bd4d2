import { LinkplanError } from "../../src/core/linkplanError.js";

/** Catch the LinkplanError a call throws (fails the test if it returns or throws another). */
export function caught(f: () => unknown): LinkplanError {
  try {
    f();
  } catch (error) {
    if (error instanceof LinkplanError) return error;
    throw error;
  }
  throw new Error("expected a LinkplanError");
}
