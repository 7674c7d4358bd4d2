import { mkdirSync, writeFileSync } from "node:fs";
import { GALLERY_DIR, galleryFiles } from "./galleryImages.js";

/**
 * `npm run gallery`: draw the README's gallery (docs/gallery/) again from the examples.
 * test/gallery.test.ts fails when a committed file differs from what this writes.
 */
mkdirSync(GALLERY_DIR, { recursive: true });
for (const { path, bytes } of await galleryFiles()) {
  writeFileSync(path, bytes);
  console.log(`wrote ${path} (${Math.round(bytes.byteLength / 1024)} KB)`);
}
