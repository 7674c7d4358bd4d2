import type { Command } from "commander";
import { topologyJsonSchema } from "../model/topologyJsonSchema.js";
import type { CliIo } from "./cliIo.js";
import { loadTopologyFile } from "./loadInputs.js";

export function addValidateCommand(program: Command, io: CliIo): void {
  program
    .command("validate")
    .description("check a topology and report every problem with its path")
    .argument("<file>", "topology YAML or JSON file, or - for standard input")
    .action(async (file: string) => {
      const topology = await loadTopologyFile(file);
      const count = (key: "vpcs" | "endpointServices" | "hostedZones") =>
        topology.accounts.reduce((n, a) => n + a[key].length, 0);
      const endpoints = topology.accounts.reduce(
        (n, a) => n + a.vpcs.reduce((m, v) => m + v.endpoints.length, 0),
        0,
      );
      io.stdout(
        `${file === "-" ? "stdin" : file}: valid — ${topology.accounts.length} accounts, ${count("vpcs")} VPCs, ${endpoints} endpoints, ${count("endpointServices")} endpoint services, ${count("hostedZones")} hosted zones\n`,
      );
    });

  program
    .command("schema")
    .description("print the JSON Schema of the topology format (for editor completion)")
    .action(() => {
      io.stdout(`${JSON.stringify(topologyJsonSchema(), null, 2)}\n`);
    });
}
