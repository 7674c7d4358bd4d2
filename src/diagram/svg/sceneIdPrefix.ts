import type { Scene } from "../layout/scene.js";

/**
 * A deterministic id prefix ("lp-" + 8 hex digits) derived from the scene and theme, so
 * several diagrams inlined in one HTML page do not share element ids or styles.
 */
export function sceneIdPrefix(scene: Scene, theme: string): string {
  const parts = [theme, scene.title, String(scene.width), String(scene.height)];
  for (const box of scene.boxes) parts.push(box.id, String(box.x), String(box.y));
  for (const edge of scene.edges) parts.push(edge.id);
  let hash = 0x811c9dc5;
  for (const ch of parts.join("\u0000")) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `lp-${hash.toString(16).padStart(8, "0")}`;
}
