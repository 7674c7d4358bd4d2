import type { Command } from "commander";
import { topologyJsonSchema } from "../topology/topologyJsonSchema.js";
import type { CliIo } from "./cliIo.js";

/** `linkplan schema`: the JSON Schema of the topology format. */
export function addSchemaCommand(program: Command, io: CliIo): void {
  program
    .command("schema")
    .description("print the JSON Schema of the topology format (for editor completion)")
    .action(() => {
      io.stdout(`${JSON.stringify(topologyJsonSchema(), null, 2)}\n`);
    });
}
