import { Command, CommanderError } from "commander";
import { ERROR_CODES, EXIT } from "../core/errorCodes.js";
import { LinkplanError } from "../core/linkplanError.js";
import { terminalLines } from "../core/terminalText.js";
import { type CliIo, processIo } from "./cliIo.js";
import { addDemoCommand } from "./demoCommand.js";
import { addImportCommand } from "./importCommand.js";
import { addOpenapiCommand } from "./openapiCommand.js";
import { operationCommand } from "./operationCommand.js";
import { operationCommandSpecs } from "./operationCommands.js";
import { addPricesCommand } from "./pricesCommand.js";
import { addSchemaCommand } from "./schemaCommand.js";
import { addServeCommand } from "./serveCommand.js";

export { EXIT };

function buildProgram(io: CliIo): Command {
  const program = new Command("linkplan")
    .description("Model AWS private connectivity, estimate its exact cost and draw it.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const spec of operationCommandSpecs()) program.addCommand(operationCommand(spec, io));
  addImportCommand(program, io);
  addDemoCommand(program, io);
  addServeCommand(program, io);
  addOpenapiCommand(program, io);
  addSchemaCommand(program, io);
  addPricesCommand(program, io);
  const configure = (command: Command) => {
    command
      .exitOverride()
      .showHelpAfterError("(run with --help for usage)")
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    for (const sub of command.commands) configure(sub);
  };
  for (const command of program.commands) configure(command);
  return program;
}

/**
 * Run the CLI with user arguments (no "node script" prefix); resolves to the exit code of
 * the error table (EXIT): 0 ok, 1 invalid input, 2 usage, 3 gate, 70 a fault of linkplan.
 */
export async function runCli(args: readonly string[], rawIo: CliIo = processIo): Promise<number> {
  // whatever reaches stderr (messages quoting file names, keys, option values) is shown
  // with control, bidi and invisible characters escaped
  const io: CliIo = { ...rawIo, stderr: (text) => rawIo.stderr(terminalLines(text)) };
  const program = buildProgram(io);
  try {
    await program.parseAsync([...args], { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = ["commander.helpDisplayed", "commander.version", "commander.help"].includes(
        error.code,
      );
      return ok ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof LinkplanError && error.code !== "internal_error") {
      io.stderr(`linkplan: ${error.message}\n`);
      return ERROR_CODES[error.code].exit;
    }
    const detail = process.env.LINKPLAN_DEBUG && error instanceof Error ? `\n${error.stack}` : "";
    io.stderr(
      `linkplan: internal error (a fault of linkplan, not of the input; LINKPLAN_DEBUG=1 shows the stack): ${error instanceof Error ? error.message : String(error)}${detail}\n`,
    );
    return EXIT.internal;
  }
}
