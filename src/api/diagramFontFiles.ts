import { existsSync } from "node:fs";
import { LinkplanError } from "../core/linkplanError.js";
import { packagePath } from "./packageRoot.js";

/** The fonts linkplan ships for PNG diagrams (assets/fonts/, with their licence). */
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];

/**
 * The paths of the bundled font files PNG diagrams are set in (DejaVu Sans, regular and
 * bold): the same fonts on every machine, whatever fonts it has installed. Used by the
 * command line and the API (the context's `fontFiles`).
 *
 * @throws LinkplanError("internal_error") when a file is missing (an incomplete install)
 */
export function diagramFontFiles(): string[] {
  const files = FONT_FILES.map((file) => packagePath("assets", "fonts", file));
  const missing = files.find((file) => !existsSync(file));
  if (missing) {
    throw new LinkplanError(
      "internal_error",
      `the font file ${missing} is missing: linkplan's files are not where it was installed`,
    );
  }
  return files;
}
