/** One step of a path into a document: a member name or a list index. */
export type PathKey = string | number;

/**
 * Where in a document a problem is: its keys from the root, or a link below another path.
 * Checks pass paths down to many checks that find nothing, so a path below another is a
 * small link (`below`), spelled out as keys only when a problem is reported (`keysOf`).
 */
export type Path = readonly PathKey[] | PathBelow;

/** A path one to three keys below `parent` (see `below`). */
export class PathBelow {
  constructor(
    readonly parent: Path,
    readonly first: PathKey,
    readonly second: PathKey | undefined,
    readonly third: PathKey | undefined,
  ) {}
}

/** The path `parent` followed by up to five keys, kept as links until it is spelled out. */
export function below(
  parent: Path,
  first: PathKey,
  second?: PathKey,
  third?: PathKey,
  fourth?: PathKey,
  fifth?: PathKey,
): Path {
  const link = new PathBelow(parent, first, second, third);
  return fourth === undefined ? link : new PathBelow(link, fourth, fifth, undefined);
}

function pushKeys(into: PathKey[], link: PathBelow): void {
  into.push(link.first);
  if (link.second !== undefined) into.push(link.second);
  if (link.third !== undefined) into.push(link.third);
}

/** A path's keys from the root (its links followed without recursion). */
export function keysOf(path: Path): PathKey[] {
  const links: PathBelow[] = [];
  let at: Path = path;
  while (at instanceof PathBelow) {
    links.push(at);
    at = at.parent;
  }
  const keys = [...at];
  for (let i = links.length - 1; i >= 0; i--) pushKeys(keys, links[i] as PathBelow);
  return keys;
}
