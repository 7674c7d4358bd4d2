import { Command, CommanderError } from "commander";
import { LinkplanError } from "../model/linkplanError.js";
import { terminalLines } from "../report/terminalText.js";
import { addBreakEvenCommand } from "./breakevenCommand.js";
import { CliFailure } from "./cliFailure.js";
import { type CliIo, processIo } from "./cliIo.js";
import { addCompareCommand } from "./compareCommand.js";
import { addDemoCommand } from "./demoCommand.js";
import { addDiagramCommand } from "./diagramCommand.js";
import { addEstimateCommand } from "./estimateCommand.js";
import { GateFailure } from "./gateFailure.js";
import { addPricesCommand } from "./pricesCommand.js";
import { addServeCommand } from "./serveCommand.js";
import { addValidateCommand } from "./validateCommand.js";
import { addWhatIfCommand } from "./whatifCommand.js";

/** Exit codes: 0 ok, 1 invalid input or missing price, 2 usage error, 3 a CI gate failed. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, gate: 3 } as const;

function buildProgram(io: CliIo): Command {
  const program = new Command("linkplan")
    .description("Model AWS private connectivity, estimate its exact cost and draw it.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  addEstimateCommand(program, io);
  addDiagramCommand(program, io);
  addCompareCommand(program, io);
  addWhatIfCommand(program, io);
  addBreakEvenCommand(program, io);
  addValidateCommand(program, io);
  addDemoCommand(program, io);
  addServeCommand(program, io);
  addPricesCommand(program, io);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  }
  return program;
}

/** Run the CLI with user arguments (no "node script" prefix); resolves to the exit code. */
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
    if (error instanceof GateFailure) {
      io.stderr(`linkplan: ${error.message}\n`);
      return EXIT.gate;
    }
    if (error instanceof LinkplanError || error instanceof CliFailure) {
      io.stderr(`linkplan: ${error.message}\n`);
      return EXIT.invalid;
    }
    const detail = process.env.LINKPLAN_DEBUG && error instanceof Error ? `\n${error.stack}` : "";
    io.stderr(
      `linkplan: internal error: ${error instanceof Error ? error.message : String(error)}${detail}\n`,
    );
    return EXIT.invalid;
  }
}
