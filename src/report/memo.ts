/**
 * A function that remembers its answers: an estimate repeats a few values (7.30, 0.01,
 * "us-east-1") many times, each formatted once. One per call of its user (no module state).
 */
export function memo<T>(write: (value: T) => string): (value: T) => string {
  const seen = new Map<T, string>();
  return (value) => {
    let text = seen.get(value);
    if (text === undefined) {
      text = write(value);
      seen.set(value, text);
    }
    return text;
  };
}
