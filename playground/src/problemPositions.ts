import { pathLocator } from "../../src/document/locatePath.js";

export type Severity = "error" | "warning" | "info";

/** A problem or finding as the API answers it: at a path of the document, or at line:column. */
export interface PathItem {
  path?: string | null;
  message: string;
  severity: Severity;
}

/** Where an item goes in the editor: a line and column from 1 (UTF-16 code units). */
export interface LocatedItem<T extends PathItem = PathItem> {
  item: T;
  line: number;
  column: number;
  /** true when the path could not be followed into the text: placed at its closest part */
  approximate: boolean;
}

/** Where a path is written in a text (src/document/locatePath.ts's pathLocator). */
export type Locator = (path: string) => { line: number; column: number } | null;

/** "body:2:11", "a:3:1": where a syntax error is (the API and the reader name the source) */
const SOURCE_POSITION = /^[\w.-]*:(\d+):(\d+)$/;
const UNKNOWN_KEY = /^unknown key "((?:[^"\\]|\\.)*)"/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The part of `path` below `prefix` ("a.accounts[0]" below "a" is "accounts[0]"), or null. */
function below(path: string, prefix: string): string | null {
  if (prefix === "") return path;
  if (path === prefix) return "";
  if (path.startsWith(`${prefix}.`)) return path.slice(prefix.length + 1);
  if (path.startsWith(`${prefix}[`)) return path.slice(prefix.length);
  if (path.startsWith(`${prefix}:`)) return path.slice(prefix.length);
  return null;
}

function childPath(path: string, key: string): string {
  if (IDENTIFIER.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

/**
 * Places problems and findings (paths like `accounts[0].vpcs[1].endpoints[2].privateDns`,
 * or `body:2:11` for a syntax error) in a YAML or JSON text with linkplan's own path
 * locator (src/document/locatePath.ts). With a prefix, only the items under it are placed,
 * relative to it: the `b.`… problems of a compare request in the editor holding b. An
 * "unknown key" problem, reported at its mapping, is placed at the key itself. The text is
 * read once, and only when some item has a path to follow.
 */
export function locateProblems<T extends PathItem>(
  text: string,
  items: readonly T[],
  prefix = "",
  locator?: () => Locator,
): LocatedItem<T>[] {
  let locate: Locator | undefined;
  const out: LocatedItem<T>[] = [];
  for (const item of items) {
    const path = below(item.path ?? "", prefix);
    if (path === null) continue;
    const direct = SOURCE_POSITION.exec(path);
    if (direct) {
      out.push({ item, line: Number(direct[1]), column: Number(direct[2]), approximate: false });
      continue;
    }
    locate ??= locator ? locator() : pathLocator(text);
    const unknownKey = UNKNOWN_KEY.exec(item.message);
    let key: string | undefined;
    if (unknownKey) {
      try {
        key = JSON.parse(`"${unknownKey[1]}"`) as string;
      } catch {
        key = undefined;
      }
    }
    const exact = key === undefined ? null : locate(childPath(path, key));
    const at = exact ?? (path === "" ? null : locate(path));
    out.push(
      at
        ? { item, line: at.line, column: at.column, approximate: false }
        : { item, line: 1, column: 1, approximate: path !== "" },
    );
  }
  return out;
}
