import { type Command, Option } from "commander";
import { API_DEFAULTS } from "../api/apiOptions.js";
import type { CliIo } from "./cliIo.js";
import { nonNegativeInteger, port, positiveInteger } from "./integerArguments.js";
import { loadCatalogFile } from "./loadInputs.js";
import { CATALOG_OPTION_DESCRIPTION } from "./operationCommand.js";

interface ServeOptions {
  port: number;
  host: string;
  catalog?: string;
  bodyLimit: number;
  maxVpcs: number;
  maxEndpoints: number;
  maxDiagramNodes: number;
  cors?: string[];
  log: boolean;
  workers: number;
  workTimeout: number;
  inlineBelow: number;
  grace: number;
  playground: boolean;
}

export function addServeCommand(program: Command, io: CliIo): void {
  program
    .command("serve")
    .description(
      "serve the HTTP API (Swagger UI at /docs) and the web playground at /; SIGTERM/SIGINT stop accepting, let queued and running requests finish (up to --grace), then exit 0",
    )
    .option("-p, --port <port>", "port to listen on (0: any free port)", port, 3000)
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .addOption(new Option("--catalog <file>", CATALOG_OPTION_DESCRIPTION))
    .option("--body-limit <bytes>", "largest request body", positiveInteger, API_DEFAULTS.bodyLimit)
    .option("--max-vpcs <n>", "most VPCs per topology", positiveInteger, API_DEFAULTS.maxVpcs)
    .option(
      "--max-endpoints <n>",
      "most endpoints per topology",
      positiveInteger,
      API_DEFAULTS.maxEndpoints,
    )
    .option(
      "--max-diagram-nodes <n>",
      "most nodes and groups per diagram",
      positiveInteger,
      API_DEFAULTS.maxDiagramNodes,
    )
    .option(
      "--workers <n>",
      "worker threads for estimate/diagram/compare/what-if work (0: all on the event loop)",
      nonNegativeInteger,
      API_DEFAULTS.workers,
    )
    .option(
      "--work-timeout <ms>",
      "work a request may take (queueing included) before it answers 503 work_timeout",
      positiveInteger,
      API_DEFAULTS.workTimeout,
    )
    .option(
      "--inline-below <chars>",
      "bodies shorter than this are worked on the event loop (0: every body goes to the workers)",
      nonNegativeInteger,
      API_DEFAULTS.inlineBelow,
    )
    .option(
      "--grace <ms>",
      "on SIGTERM/SIGINT, how long queued and running requests get before they answer 503 shutting_down",
      nonNegativeInteger,
      API_DEFAULTS.grace,
    )
    .option("--cors <origins...>", "allow these CORS origins (CORS is off by default)")
    .option("--no-log", "do not log requests")
    .option("--no-playground", "do not serve the web playground at / (the API is the same)")
    .action(async (opts: ServeOptions) => {
      // Fastify and its plugins load only for serve: other commands start without them
      const { buildApp } = await import("../api/buildApp.js");
      const app = await buildApp({
        catalog: await loadCatalogFile(opts.catalog),
        bodyLimit: opts.bodyLimit,
        maxVpcs: opts.maxVpcs,
        maxEndpoints: opts.maxEndpoints,
        maxDiagramNodes: opts.maxDiagramNodes,
        ...(opts.cors ? { corsOrigins: opts.cors } : {}),
        logger: opts.log,
        workers: opts.workers,
        workTimeout: opts.workTimeout,
        inlineBelow: opts.inlineBelow,
        grace: opts.grace,
        playground: opts.playground,
      });
      // the signal handlers go in before anything is said: a client that reads "listening"
      // and sends SIGTERM straight away gets the graceful close, not the default death
      const closed = new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          io.stderr(`${signal}: closing\n`);
          app.close().then(resolve, resolve);
        };
        process.once("SIGTERM", () => stop("SIGTERM"));
        process.once("SIGINT", () => stop("SIGINT"));
      });
      const address = await app.listen({ port: opts.port, host: opts.host });
      io.stderr(`linkplan API listening on ${address} (docs: ${address}/docs)\n`);
      if (opts.playground) {
        const { playgroundBuilt } = await import("../api/routes/playgroundRoutes.js");
        io.stderr(
          playgroundBuilt()
            ? `playground: ${address}/\n`
            : "playground: not built (run npm run build); --no-playground turns it off\n",
        );
      }
      await closed;
    });
}
