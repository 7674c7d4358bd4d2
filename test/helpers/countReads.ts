/**
 * A read-only view of `value` that counts every property read made through it, at any
 * depth (each object keeps one view, so identities hold): a measure of work that does not
 * depend on the machine. Code that scans a list once per reference into it reads
 * quadratically many elements; code with lookups reads each a bounded number of times.
 */
export function countReads<T extends object>(value: T): { view: T; reads: () => number } {
  let reads = 0;
  const views = new WeakMap<object, object>();
  const wrap = (target: object): object => {
    const known = views.get(target);
    if (known) return known;
    const view = new Proxy(target, {
      get(object, key, receiver) {
        reads++;
        const found: unknown = Reflect.get(object, key, receiver);
        return typeof found === "object" && found !== null ? wrap(found) : found;
      },
    });
    views.set(target, view);
    return view;
  };
  return { view: wrap(value) as T, reads: () => reads };
}
