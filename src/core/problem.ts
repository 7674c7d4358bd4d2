/** One problem with an input, located by its path ("accounts[0].vpcs[1].azs[2]"). */
export interface Problem {
  path: string;
  message: string;
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
