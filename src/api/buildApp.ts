import cors from "@fastify/cors";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { DIAGRAM_LIMITS } from "../diagram/diagramLimits.js";
import { bundledCatalog } from "../pricing/bundledCatalog.js";
import { catalogServices } from "../pricing/catalogServices.js";
import type { ApiContext } from "./apiContext.js";
import { API_DEFAULTS, type ApiOptions } from "./apiOptions.js";
import { apiSchemaRegistry } from "./apiSchemaRegistry.js";
import { clientErrorHandler } from "./clientErrorHandler.js";
import { withCompiledSchema } from "./compiledSchemaContext.js";
import { diagramFonts } from "./diagramFontFiles.js";
import { installErrorHandling, sendProblem } from "./errorHandler.js";
import { loadExamples } from "./loadExamples.js";
import type { OperationContext, RawBody } from "./operation.js";
import { catalogRoutes } from "./routes/catalogRoutes.js";
import { checkRoutes } from "./routes/checkRoutes.js";
import { exampleRoutes } from "./routes/exampleRoutes.js";
import { healthRoutes } from "./routes/healthRoutes.js";
import { importRoutes } from "./routes/importRoutes.js";
import { operationRoutes } from "./routes/operationRoutes.js";
import { playgroundDir, playgroundRoutes } from "./routes/playgroundRoutes.js";
import { toProblem } from "./toProblem.js";
import { WorkPool } from "./workPool.js";

let requestCount = 0;

/** The request's id: a printable x-request-id of up to 128 characters, or req-<n>. */
function requestIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers["x-request-id"];
  if (typeof given === "string" && /^[\x21-\x7e]{1,128}$/.test(given)) return given;
  requestCount = (requestCount + 1) % Number.MAX_SAFE_INTEGER;
  return `req-${requestCount.toString(36)}`;
}

const YAML_TYPES = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];

/**
 * "/v1/examples/:name" → a regex matching the concrete paths the router matches (for 405
 * answers): exactly, as the router does (a trailing slash is another path).
 */
function routePattern(url: string): RegExp {
  const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:[A-Za-z_]+/g, "[^/]+");
  return new RegExp(`^${escaped}$`);
}

/**
 * The linkplan HTTP API as a configured Fastify instance, not listening: tests use
 * `inject`, `linkplan serve` listens. Routes are thin: they parse, call the library and
 * answer; every error is RFC 9457 problem+json.
 */
export async function buildApp(options: ApiOptions = {}): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? API_DEFAULTS.bodyLimit;
  const app = Fastify({
    bodyLimit,
    logger: options.logger ? { level: "info" } : false,
    // one log line per request, from the onResponse hook below
    logController: new LogController({ disableRequestLogging: true }),
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    // the client's x-request-id when it is a plain token (it is echoed in a header and
    // logged), else our own
    requestIdHeader: false,
    genReqId: requestIdOf,
    // malformed percent-encoding and over-long path parameters: problem+json too
    frameworkErrors: (error, _request, reply) => sendProblem(reply, toProblem(error)),
    // requests Node's HTTP parser rejects (bad header, 100 KB URL): problem+json too
    clientErrorHandler,
    // on close, requests already on an open connection are answered, not refused with
    // Fastify's own (non-problem) 503: the grace period below bounds the wait
    return503OnClosing: false,
  });
  const catalog = options.catalog ?? bundledCatalog();
  const operationContext: OperationContext = withCompiledSchema({
    catalog,
    limits: {
      maxVpcs: options.maxVpcs ?? API_DEFAULTS.maxVpcs,
      maxEndpoints: options.maxEndpoints ?? API_DEFAULTS.maxEndpoints,
      // a catalog's AWS service list (prices refresh) validates service names
      services: catalog.services && catalogServices(catalog),
    },
    diagramLimits: {
      maxNodes: options.maxDiagramNodes ?? API_DEFAULTS.maxDiagramNodes,
      maxCanvasCells: options.maxDiagramCanvasCells ?? API_DEFAULTS.maxDiagramCanvasCells,
      maxEdgeCells: options.maxDiagramEdgeCells ?? API_DEFAULTS.maxDiagramEdgeCells,
      maxPngPixels: DIAGRAM_LIMITS.maxPngPixels,
    },
    ...diagramFonts(),
  });
  const work = new WorkPool(operationContext, {
    workers: options.workers ?? API_DEFAULTS.workers,
    timeoutMs: options.workTimeout ?? API_DEFAULTS.workTimeout,
    inlineBelow: options.inlineBelow ?? API_DEFAULTS.inlineBelow,
    workerHeapMiB: options.workerHeapMiB ?? API_DEFAULTS.workerHeapMiB,
  });
  const ctx: ApiContext = { ...operationContext, examples: loadExamples(), work };
  const schemaRegistry = apiSchemaRegistry(ctx.examples);
  installClosing(app, work, options.grace ?? API_DEFAULTS.grace);

  // zod validates querystrings and params; topology bodies are validated by the library
  // (parseTopology), which reports every problem with its path rather than the first
  app.setValidatorCompiler((route) =>
    route.httpPart === "body"
      ? (data: unknown) => ({ value: data })
      : validatorCompiler(route as Parameters<typeof validatorCompiler>[0]),
  );
  // responses are built by the library from its own types; the zod response schemas
  // document them (OpenAPI) and tests check them — re-validating every 20 KB estimate on
  // the way out cost a sixth of the request time, so serialise with plain JSON
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // topology bodies stay text here: the operation parses them, on the event loop or in a
  // worker thread (a string is cheaper to hand over than a parsed object)
  app.addContentTypeParser(
    ["application/json", ...YAML_TYPES],
    { parseAs: "string", bodyLimit },
    (request, body, done) => {
      const type = request.headers["content-type"] ?? "";
      const raw: RawBody = {
        text: String(body),
        format: /^\s*application\/json\s*(?:;|$)/i.test(type) ? "json" : "yaml",
      };
      done(null, raw);
    },
  );

  const routes: { method: string; pattern: RegExp }[] = [];
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat())
      routes.push({ method, pattern: routePattern(route.url) });
  });
  app.addHook("onRequest", (request, reply, done) => {
    void reply.header("x-request-id", request.id);
    done();
  });
  if (options.logger) {
    app.addHook("onResponse", (request, reply, done) => {
      request.log.info(
        {
          method: request.method,
          route: request.routeOptions.url ?? null,
          status: reply.statusCode,
          durationMs: Math.round(reply.elapsedTime * 100) / 100,
        },
        "request",
      );
      done();
    });
  }
  installErrorHandling(app, routes);
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    await app.register(cors, { origin: options.corsOrigins });
  }
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "linkplan API",
        version: "0.1.0",
        description:
          "Model AWS private connectivity, estimate its exact cost and draw it. Errors are RFC 9457 problem+json with a stable `code`.",
      },
      tags: [
        { name: "estimate" },
        { name: "diagram" },
        { name: "compare" },
        { name: "check" },
        { name: "import" },
        { name: "catalog" },
        { name: "examples" },
        { name: "health" },
      ],
    },
    transform: createJsonSchemaTransform({ schemaRegistry }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry }),
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  healthRoutes(app, ctx);
  operationRoutes(app, ctx);
  catalogRoutes(app, ctx);
  checkRoutes(app);
  exampleRoutes(app, ctx);
  importRoutes(app, ctx);
  if (options.playground) {
    await playgroundRoutes(
      app,
      typeof options.playground === "string" ? options.playground : playgroundDir(),
    );
  }
  await app.ready();
  return app;
}

/**
 * How the app closes (SIGTERM): Fastify stops accepting connections and waits for the
 * requests in flight; their answers close their connections. Pooled work still queued or
 * running after `grace` ms answers 503 `shutting_down`; a connection still open a second
 * later (a client that never finishes its request) is cut. Then the worker threads end.
 */
function installClosing(app: FastifyInstance, work: WorkPool, grace: number): void {
  let closing = false;
  const timers: NodeJS.Timeout[] = [];
  app.addHook("preClose", (done) => {
    closing = true;
    timers.push(
      setTimeout(() => work.stop(), grace).unref(),
      setTimeout(() => app.server.closeAllConnections(), grace + 1_000).unref(),
    );
    done();
  });
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (closing) void reply.header("connection", "close");
    done(null, payload);
  });
  app.addHook("onClose", async () => {
    for (const timer of timers) clearTimeout(timer);
    await work.close();
  });
}
