import type { Command } from "commander";
import type { CliIo } from "./cliIo.js";

/** `linkplan openapi`: the OpenAPI 3.1 document of the HTTP API, generated from its schemas. */
export function addOpenapiCommand(program: Command, io: CliIo): void {
  program
    .command("openapi")
    .description("print the OpenAPI 3.1 document of the HTTP API as YAML")
    .action(async () => {
      const { buildApp } = await import("../api/buildApp.js");
      const app = await buildApp({ workers: 0 });
      io.stdout(app.swagger({ yaml: true }));
      await app.close();
    });
}
