import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GALLERY, galleryFiles } from "../scripts/galleryImages.js";

/**
 * The README's gallery (docs/gallery/, written by `npm run gallery`) is what the examples
 * draw today: a change to the layout or the renderers that leaves it stale fails here.
 * UPDATE_GOLDEN=1 rewrites it, as it does the golden files.
 */
describe("docs/gallery", () => {
  it("holds each entry's PNG and the draw.io export, as `npm run gallery` writes them", async () => {
    const files = await galleryFiles();
    expect(files.map((f) => f.path)).toEqual([
      ...GALLERY.flatMap((entry, i) => [
        `docs/gallery/${entry.example}.png`,
        ...(i === 1 ? [`docs/gallery/${entry.example}.drawio`] : []),
      ]),
    ]);
    const stale: string[] = [];
    for (const { path, bytes } of files) {
      if (process.env.UPDATE_GOLDEN === "1") writeFileSync(path, bytes);
      const committed = readFileSync(path);
      if (!committed.equals(Buffer.from(bytes))) stale.push(path);
    }
    expect(stale, "stale: run `npm run gallery` and look at the pictures").toEqual([]);
  }, 60_000);

  it("is shown in the README, each picture with its caption", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const entry of GALLERY) {
      expect(readme).toContain(
        `![${entry.example}: ${entry.caption}](docs/gallery/${entry.example}.png)`,
      );
    }
    expect(readme).toContain("(docs/gallery/consumer-provider.drawio)");
  });
});
