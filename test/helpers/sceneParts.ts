import type { SceneBox, SceneEdge } from "../../src/diagram/layout/scene.js";

/** A scene box with defaults (an unchanged workload node at top level) for hand-built scenes. */
export function box(
  fields: Partial<SceneBox> & Pick<SceneBox, "id" | "x" | "y" | "width" | "height">,
): SceneBox {
  return {
    role: "node",
    kind: "workload",
    lines: [],
    parent: null,
    depth: 0,
    status: "unchanged",
    ...fields,
  };
}

/** A scene edge with defaults (an unlabelled, unchanged "uses" edge). */
export function edge(
  fields: Partial<SceneEdge> & Pick<SceneEdge, "id" | "from" | "to" | "points">,
): SceneEdge {
  return { kind: "uses", label: null, labelAt: null, status: "unchanged", ...fields };
}
