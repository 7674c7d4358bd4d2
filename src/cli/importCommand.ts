import { type Command, Option } from "commander";
import { stringify } from "yaml";
import type { CliIo } from "./cliIo.js";
import { loadDocument, writeOutput } from "./loadInputs.js";
import {
  flagInputs,
  importTerraformInput,
  isDirectory,
  readTerraformDir,
  type TerraformFlags,
  terraformOptions,
  topologyName,
} from "./terraformInput.js";

/**
 * `linkplan import <dir|plan.json>`: a Terraform directory or plan/state JSON as a linkplan
 * topology (YAML, or `{ topology, warnings }` as JSON), or with --usage-template the usage
 * file to fill in. Warnings go to stderr, one line each.
 */
export function addImportCommand(program: Command, io: CliIo): void {
  const command = program
    .command("import")
    .description("turn a Terraform directory or `terraform show -json` output into a topology")
    .argument("<input>", "a directory of .tf files, or a plan or state JSON")
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["yaml", "json"])
        .default("yaml"),
    )
    .addOption(new Option("-o, --output <file>", "write to a file instead of standard output"))
    .addOption(
      new Option("--usage-template", "print a usage file listing every usage-priced address"),
    );
  for (const option of terraformOptions()) command.addOption(option);
  command.action(async (input: string) => {
    const flags = command.opts<
      TerraformFlags & { format: string; output?: string; usageTemplate?: boolean }
    >();
    const source = {
      ...((await isDirectory(input))
        ? { files: await readTerraformDir(input) }
        : { plan: (await loadDocument(input)).data }),
      name: topologyName(input),
    };
    let text: string;
    if (flags.usageTemplate) {
      const { terraformUsageTemplate } = await import("../terraform/importTerraform.js");
      const { usage: _usage, account: _account, ...inputs } = await flagInputs(flags);
      text = await terraformUsageTemplate({ ...source, ...inputs });
    } else {
      const imported = await importTerraformInput(source, flags, io);
      text =
        flags.format === "json"
          ? `${JSON.stringify(imported, null, 2)}\n`
          : stringify(imported.topology);
    }
    if (flags.output) {
      await writeOutput(io, flags.output, text);
      io.stderr(`wrote ${flags.output}\n`);
    } else io.stdout(text);
  });
}
