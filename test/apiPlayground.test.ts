import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/api/buildApp.js";
import { PLAYGROUND_CSP, playgroundBuilt } from "../src/api/routes/playgroundRoutes.js";
import { type ServeProcess, spawnServe, stopServe } from "./helpers/apiServe.js";

/** The playground's files as `npm run build` leaves them (a stand-in: no Vite run here). */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), "linkplan-playground-routes-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html><script type="module" src="./assets/index-abc.js"></script>',
  );
  writeFileSync(join(dir, "assets", "index-abc.js"), "console.log('page')");
  writeFileSync(join(dir, "assets", "index-abc.css"), "body{}");
  return dir;
}

const problemOf = async (app: FastifyInstance, method: "GET" | "POST" | "HEAD", url: string) => {
  const res = await app.inject({ method, url });
  return {
    status: res.statusCode,
    type: res.headers["content-type"],
    body: res.body,
    headers: res.headers,
  };
};

describe("the playground at / (buildApp({ playground }))", () => {
  let dir: string;
  let app: FastifyInstance;
  let plain: FastifyInstance;
  beforeAll(async () => {
    dir = fakeBuild();
    app = await buildApp({ playground: dir, workers: 0 });
    plain = await buildApp({ workers: 0 });
  });
  afterAll(async () => {
    await app.close();
    await plain.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves index.html at / with its security headers, revalidated", async () => {
    const res = await app.inject({ method: "GET", url: "/" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.body).toContain("./assets/index-abc.js");
    expect(res.headers["content-security-policy"]).toBe(PLAYGROUND_CSP);
    expect(PLAYGROUND_CSP).toContain("script-src 'self'");
    expect(PLAYGROUND_CSP).toContain("connect-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect((await app.inject({ method: "GET", url: "/index.html" })).statusCode).toBe(200);
    expect((await app.inject({ method: "HEAD", url: "/" })).statusCode).toBe(200);
  });

  it("serves the hashed assets, cached for good", async () => {
    const js = await app.inject({ method: "GET", url: "/assets/index-abc.js" });
    expect(js.statusCode).toBe(200);
    expect(js.headers["content-type"]).toMatch(/^(text|application)\/javascript/);
    expect(js.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const css = await app.inject({ method: "GET", url: "/assets/index-abc.css" });
    expect(css.headers["content-type"]).toMatch(/^text\/css/);
  });

  it("leaves every other path to the API: problem+json 404 and 405, as without it", async () => {
    for (const [method, url, status] of [
      ["GET", "/v1/nope", 404],
      ["GET", "/nope", 404],
      ["GET", "/assets/missing.js", 404],
      ["GET", "/../package.json", 404],
      ["GET", "/assets/../../package.json", 404],
      ["GET", "/v1/estimate", 405],
    ] as const) {
      const res = await problemOf(app, method, url);
      const without = await problemOf(plain, method, url);
      expect(res.status, url).toBe(status);
      expect(res.type, url).toBe("application/problem+json; charset=utf-8");
      if (url.startsWith("/v1/")) expect(res.body, url).toBe(without.body);
    }
    const post = await problemOf(app, "POST", "/");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toContain("GET");
  });

  it("keeps the API and its OpenAPI document unchanged (the page's routes are hidden)", async () => {
    const withPage = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
    const withoutPage = (await plain.inject({ method: "GET", url: "/openapi.json" })).json();
    expect(withPage).toEqual(withoutPage);
    const estimate = await app.inject({
      method: "POST",
      url: "/v1/estimate",
      headers: { "content-type": "application/yaml" },
      payload: "name: x\naccounts: [{ id: a }]\n",
    });
    expect(estimate.statusCode).toBe(200);
    // the API's answers carry none of the page's headers
    expect(estimate.headers["content-security-policy"]).toBeUndefined();
  });

  it("is off by default: / is the API's 404", async () => {
    const res = await problemOf(plain, "GET", "/");
    expect(res.status).toBe(404);
    expect(res.type).toBe("application/problem+json; charset=utf-8");
  });

  it("when the page is not built, / answers a 404 problem saying how to build it", async () => {
    const missing = join(dir, "not-built");
    expect(playgroundBuilt(missing)).toBe(false);
    const unbuilt = await buildApp({ playground: missing, workers: 0 });
    try {
      const res = await unbuilt.inject({ method: "GET", url: "/" });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: "not_found" });
      expect(res.json().detail).toContain("npm run build");
      expect((await unbuilt.inject({ method: "GET", url: "/openapi.json" })).json()).toEqual(
        (await plain.inject({ method: "GET", url: "/openapi.json" })).json(),
      );
    } finally {
      await unbuilt.close();
    }
  });
});

describe("linkplan serve and the playground", () => {
  let serve: ServeProcess | undefined;
  afterEach(async () => {
    await stopServe(serve);
    serve = undefined;
  });

  it("serves it at / and says where (or that it is not built)", async () => {
    serve = await spawnServe(["--no-log", "--workers", "0"]);
    const res = await fetch(`${serve.origin}/`);
    if (playgroundBuilt()) {
      expect(serve.stderr()).toContain(`playground: ${serve.origin}/\n`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    } else {
      expect(serve.stderr()).toContain("playground: not built (run npm run build)");
      expect(res.status).toBe(404);
    }
  }, 30_000);

  it("--no-playground: / is the API's 404 and nothing is said of it", async () => {
    serve = await spawnServe(["--no-log", "--workers", "0", "--no-playground"]);
    const res = await fetch(`${serve.origin}/`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(serve.stderr()).not.toContain("playground");
  }, 30_000);
});
