import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import type { ApiOptions } from "../src/api/apiOptions.js";

/**
 * The build as it ships (dist/, built by `npm install` and `npm run build`: what `linkplan`,
 * `linkplan serve` and an importer of the package run), for the benchmarks that time
 * in-process work. `npm run bench` builds first, so it times the current sources. Timing
 * the sources through tsx instead would add its transform's own work (esbuild's keep-names
 * wrappers, a call for every closure made: ~10 % of a layout) to figures users never see.
 */
const DIST = new URL("../dist/", import.meta.url);

async function load<T>(file: string): Promise<T> {
  try {
    return (await import(new URL(file, DIST).href)) as T;
  } catch (error) {
    throw new Error(
      `the benchmarks time the built package: run \`npm run build\` first (dist/${file}: ${error})`,
    );
  }
}

/** dist/index.js: the library. */
export function shippedLibrary(): Promise<typeof import("../src/index.js")> {
  return load("index.js");
}

/** dist/api.js: the HTTP API's app factory. */
export async function shippedBuildApp(): Promise<typeof import("../src/api/buildApp.js").buildApp> {
  return (await load<typeof import("../src/api/index.js")>("api.js")).buildApp;
}

/**
 * `linkplan serve` as built: dist/api.js's app with the page of dist/playground/, on
 * 127.0.0.1 and a free port.
 */
export async function startShippedPlayground(
  options: ApiOptions,
): Promise<{ origin: string; app: FastifyInstance; close(): Promise<void> }> {
  const playground = fileURLToPath(new URL("playground/", DIST));
  if (!existsSync(playground)) {
    throw new Error("the benchmarks time the built package: run `npm run build` first");
  }
  const buildApp = await shippedBuildApp();
  const app = await buildApp({ ...options, playground });
  const origin = await app.listen({ port: 0, host: "127.0.0.1" });
  return { origin, app, close: () => app.close() };
}
