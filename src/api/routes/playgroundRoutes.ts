import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { LinkplanError } from "../../core/linkplanError.js";
import { packagePath } from "../packageRoot.js";

/** Where `npm run build` writes the playground (scripts/build.ts, PLAYGROUND_OUT). */
export function playgroundDir(): string {
  return packagePath("dist", "playground");
}

/** Whether the playground's page is built (in dist/playground/, or the given folder). */
export function playgroundBuilt(dir = playgroundDir()): boolean {
  return existsSync(join(dir, "index.html"));
}

/**
 * The page's Content-Security-Policy: its own scripts only, requests to its own origin only
 * (the API), images from itself and the blob:/data: URLs it makes of diagrams; styles
 * inline too (CodeMirror sets style attributes); no plugins, frames, forms or <base>.
 */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The web playground at / (issue 16): the files Vite built into `dir`, one route per file
 * (no wildcard route: every other path stays the API's problem+json 404), hidden from the
 * OpenAPI document. Hashed assets are cached for good, index.html is revalidated. When the
 * page is not built, GET / answers a 404 problem saying how to build it.
 */
export async function playgroundRoutes(app: FastifyInstance, dir: string): Promise<void> {
  if (!playgroundBuilt(dir)) {
    app.get("/", { schema: { hide: true } }, async () => {
      throw new LinkplanError(
        "not_found",
        `the playground is not built (no ${join(dir, "index.html")}): run npm run build`,
      );
    });
    return;
  }
  // the server package, loaded only when the playground is served
  const { default: fastifyStatic } = await import("@fastify/static");
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: dir,
      wildcard: false,
      index: "index.html",
      decorateReply: false,
      schemaHide: true,
      serveDotFiles: false,
      cacheControl: false,
      setHeaders(reply, path) {
        void reply.headers({
          "cache-control": /[\\/]assets[\\/]/.test(path)
            ? "public, max-age=31536000, immutable"
            : "no-cache",
          "content-security-policy": PLAYGROUND_CSP,
          "x-content-type-options": "nosniff",
          "referrer-policy": "no-referrer",
          "cross-origin-opener-policy": "same-origin",
        });
      },
    });
  });
}
