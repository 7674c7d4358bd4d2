import cors from "@fastify/cors";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
} from "fastify-type-provider-zod";
import secureJson from "secure-json-parse";
import { LinkplanError } from "../model/linkplanError.js";
import { parseDocument } from "../model/parseDocument.js";
import { bundledCatalog } from "../pricing/bundledCatalog.js";
import type { ApiContext } from "./apiContext.js";
import { API_DEFAULTS, type ApiOptions } from "./apiOptions.js";
import { installErrorHandling, sendProblem, toProblem } from "./errorHandler.js";
import { jsonSyntaxError } from "./jsonSyntaxError.js";
import { loadExamples } from "./loadExamples.js";
import { registerSchemas } from "./registerSchemas.js";
import { breakEvenRoutes } from "./routes/breakEvenRoutes.js";
import { catalogRoutes } from "./routes/catalogRoutes.js";
import { compareRoutes } from "./routes/compareRoutes.js";
import { diagramRoutes } from "./routes/diagramRoutes.js";
import { estimateRoutes } from "./routes/estimateRoutes.js";
import { exampleRoutes } from "./routes/exampleRoutes.js";
import { healthRoutes } from "./routes/healthRoutes.js";

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
    requestIdHeader: "x-request-id",
    // malformed percent-encoding and over-long path parameters: problem+json too
    frameworkErrors: (error, _request, reply) => sendProblem(reply, toProblem(error)),
  });
  const ctx: ApiContext = {
    catalog: options.catalog ?? bundledCatalog(),
    limits: {
      maxVpcs: options.maxVpcs ?? API_DEFAULTS.maxVpcs,
      maxEndpoints: options.maxEndpoints ?? API_DEFAULTS.maxEndpoints,
    },
    diagramLimits: {
      maxNodes: options.maxDiagramNodes ?? API_DEFAULTS.maxDiagramNodes,
      maxCanvasCells: options.maxDiagramCanvasCells ?? API_DEFAULTS.maxDiagramCanvasCells,
      maxEdgeCells: options.maxDiagramEdgeCells ?? API_DEFAULTS.maxDiagramEdgeCells,
    },
    examples: loadExamples(),
  };
  registerSchemas(ctx.examples);

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
  // JSON as Fastify parses it (prototype poisoning rejected), with errors located
  app.addContentTypeParser(
    "application/json",
    { parseAs: "string", bodyLimit },
    (_request, body, done) => {
      const text = String(body);
      if (text.trim() === "") {
        done(
          new LinkplanError("invalid_syntax", "the body is empty; send a topology", []),
          undefined,
        );
        return;
      }
      try {
        done(
          null,
          secureJson.parse(text, null, { protoAction: "error", constructorAction: "error" }),
        );
      } catch (error) {
        done(jsonSyntaxError(text, error as Error), undefined);
      }
    },
  );
  app.addContentTypeParser(YAML_TYPES, { parseAs: "string", bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseDocument(String(body), "body"));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  const routes: { method: string; pattern: RegExp }[] = [];
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat())
      routes.push({ method, pattern: routePattern(route.url) });
  });
  app.addHook("onSend", async (request, reply) => {
    void reply.header("x-request-id", request.id);
  });
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 100) / 100,
      },
      "request",
    );
  });
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
        { name: "catalog" },
        { name: "examples" },
        { name: "health" },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  healthRoutes(app, ctx);
  estimateRoutes(app, ctx);
  diagramRoutes(app, ctx);
  compareRoutes(app, ctx);
  breakEvenRoutes(app, ctx);
  catalogRoutes(app, ctx);
  exampleRoutes(app, ctx);
  await app.ready();
  return app;
}
