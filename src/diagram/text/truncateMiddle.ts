import { forEachCluster } from "../../core/displayWidth.js";

const ELLIPSIS = "…";
/** Where a word or a name's segment ends: spaces, dots, colons, slashes. */
const MAJOR = /^[\s.:/]$/u;
/** Where a part of a segment ends (vpce-svc-0a1b…): dashes and underscores. */
const MINOR = /^[-_]$/;

interface Cluster {
  text: string;
  width: number;
}

/**
 * Where the kept tail starts: at the start of the shortest segment-aligned suffix that is
 * long enough to say something (about a quarter of the room, up to 8 cells) and leaves the
 * head at least a third of the room — a suffix after a space, dot, colon or slash first
 * ("…vpce-svc-0a1b2c3d4e5f", "…us-east-1"), else after a dash or underscore; else the
 * last half of the room, cut anywhere between clusters.
 */
function tailStart(clusters: readonly Cluster[], room: number): number {
  const longest = Math.floor((room * 2) / 3);
  const shortest = Math.min(8, Math.max(1, Math.floor(room / 4)));
  const suffix: number[] = new Array(clusters.length + 1).fill(0);
  for (let i = clusters.length - 1; i >= 0; i--) {
    suffix[i] = (suffix[i + 1] ?? 0) + (clusters[i]?.width ?? 0);
  }
  for (const withMinor of [false, true]) {
    const ends = (ch: string) => MAJOR.test(ch) || (withMinor && MINOR.test(ch));
    for (let i = clusters.length - 1; i > 0; i--) {
      const width = suffix[i] ?? 0;
      if (width > longest) break;
      if (width >= shortest && ends(clusters[i - 1]?.text ?? "") && !ends(clusters[i]?.text ?? ""))
        return i;
    }
  }
  const raw = Math.floor(room / 2);
  let i = clusters.length;
  while (i > 0 && (suffix[i - 1] ?? 0) <= raw) i--;
  return i;
}

/**
 * `text` in at most `maxCells` terminal cells: as it is when it fits, else its start and
 * its end around "…" — a long identifier keeps the tail that tells it apart
 * ("com.amazonaws.vpce…vpce-svc-0a1b2c3d4e5f6a7b8"). Cut between grapheme clusters only,
 * so no joined emoji, flag or accented letter is split; the widths are display widths.
 */
export function truncateMiddle(text: string, maxCells: number): string {
  const clusters: Cluster[] = [];
  let total = 0;
  forEachCluster(text, (cluster, width) => {
    clusters.push({ text: cluster, width });
    total += width;
    return true;
  });
  if (total <= maxCells) return text;
  if (maxCells < 1) return "";
  const room = maxCells - 1;
  const start = tailStart(clusters, room);
  let tail = "";
  let tailWidth = 0;
  for (let i = start; i < clusters.length; i++) {
    tail += clusters[i]?.text ?? "";
    tailWidth += clusters[i]?.width ?? 0;
  }
  let head = "";
  let headWidth = 0;
  for (const c of clusters) {
    if (headWidth + c.width > room - tailWidth) break;
    head += c.text;
    headWidth += c.width;
  }
  return `${head.trimEnd()}${ELLIPSIS}${tail.trimStart()}`;
}
