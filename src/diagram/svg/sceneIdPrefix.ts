import type { Scene } from "../layout/scene.js";

/**
 * A deterministic id prefix ("lp-" + 8 hex digits) derived from the scene and theme, so
 * several diagrams inlined in one HTML page do not share element ids or styles.
 */
export function sceneIdPrefix(scene: Scene, theme: string): string {
  // FNV-1a over the code points of the parts, a NUL between two parts
  let hash = 0x811c9dc5;
  let first = true;
  const add = (part: string): void => {
    if (!first) hash = Math.imul(hash, 0x01000193) >>> 0; // NUL: hash ^= 0
    first = false;
    for (let i = 0; i < part.length; ) {
      const code = part.codePointAt(i) ?? 0;
      hash ^= code;
      hash = Math.imul(hash, 0x01000193) >>> 0;
      i += code > 0xffff ? 2 : 1;
    }
  };
  add(theme);
  add(scene.title);
  add(String(scene.width));
  add(String(scene.height));
  for (const box of scene.boxes) {
    add(box.id);
    add(String(box.x));
    add(String(box.y));
  }
  for (const edge of scene.edges) add(edge.id);
  return `lp-${hash.toString(16).padStart(8, "0")}`;
}
