import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildPlayground } from "../../scripts/build.js";
import type { ApiOptions } from "../../src/api/apiOptions.js";
import { buildApp } from "../../src/api/buildApp.js";
import { TEST_WORK_TIMEOUT_MS } from "./apiKit.js";

export interface PlaygroundServer {
  origin: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * The playground built from the current sources (Vite, into a temporary folder: dist/ is
 * not touched) and served with the API by the app on 127.0.0.1 and a free port.
 */
export async function startPlayground(options: ApiOptions = {}): Promise<PlaygroundServer> {
  const dir = mkdtempSync(join(tmpdir(), "linkplan-playground-"));
  await buildPlayground(dir);
  const app = await buildApp({
    workers: 1,
    workTimeout: TEST_WORK_TIMEOUT_MS,
    ...options,
    playground: dir,
  });
  const origin = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    origin,
    app,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
