import { internalError } from "../../core/linkplanError.js";
import type { LayoutNode } from "./layoutTree.js";
import type { Rect } from "./rect.js";
import type { SceneBox } from "./scene.js";
import type { Frame } from "./sizeBoxes.js";

/** A box on the canvas, as the edge router sees it. */
export interface PlacedBox extends Rect {
  /** cells of a group's header text, drawn at (x+2, y+1); 0 for nodes */
  headerWidth: number;
  /**
   * where the header starts, cells right of x (default 2, its text's first cell; 1 in icon
   * layouts, whose group icon fills the corner from the padding column): the header covers
   * cells x+headerFrom … x+headerFrom+headerWidth-1 of row y+1
   */
  headerFrom?: number;
}

export interface Placement {
  /** parents before children */
  boxes: SceneBox[];
  /** every node's box, the root's being the content area of the canvas */
  placed: Map<LayoutNode, PlacedBox>;
}

function frameOf(frames: ReadonlyMap<LayoutNode, Frame>, n: LayoutNode): Frame {
  const frame = frames.get(n);
  if (!frame) throw internalError("layout: box without a size");
  return frame;
}

/**
 * Position every box top-down (d3 `eachBefore`): the root's content starts at `origin`;
 * visiting a box places its children at its position plus their frame offsets.
 */
export function positionBoxes(
  root: LayoutNode,
  frames: ReadonlyMap<LayoutNode, Frame>,
  origin: { x: number; y: number },
): Placement {
  const boxes: SceneBox[] = [];
  const rootFrame = frameOf(frames, root);
  const placed = new Map<LayoutNode, PlacedBox>([
    [root, { ...origin, width: rootFrame.width, height: rootFrame.height, headerWidth: 0 }],
  ]);
  root.eachBefore((n) => {
    const box = placed.get(n);
    if (!box) throw internalError("layout: box without a position");
    const frame = frameOf(frames, n);
    n.children?.forEach((child, i) => {
      const offset = frame.offsets[i] ?? { x: 0, y: 0 };
      const childFrame = frameOf(frames, child);
      placed.set(child, {
        x: box.x + offset.x,
        y: box.y + offset.y,
        width: childFrame.width,
        height: childFrame.height,
        headerWidth: childFrame.headerWidth,
        ...(childFrame.headerFrom === undefined ? {} : { headerFrom: childFrame.headerFrom }),
      });
    });
    const d = n.data;
    if (d.type === "root") return;
    const parentData = n.parent?.data;
    boxes.push({
      id: d.id,
      role: d.type,
      kind: d.kind,
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      lines: frame.lines,
      parent: parentData && parentData.type !== "root" ? parentData.id : null,
      depth: n.depth - 1,
      status: d.status,
      ...(d.findings && d.findings.length > 0 ? { findings: d.findings } : {}),
      ...(d.terraform === undefined ? {} : { terraform: d.terraform }),
    });
  });
  return { boxes, placed };
}
