import { Command, CommanderError } from "commander";
import { PktError } from "../core/errors.js";
import { registerDataCommands } from "./data.js";
import { registerReportCommand } from "./report.js";
import { registerFitCommand } from "./fit.js";
import { registerCasesCommand } from "./cases.js";
import { registerContributorsCommand } from "./contributors.js";
import { registerPanelCommand } from "./panel.js";
import { registerServeCommand } from "./serve.js";

/** The program's version, written into every provenance record. */
export const VERSION = "0.1.0";

/** Build the `pkt` command tree. */
export function buildProgram(): Command {
  const program = new Command("pkt")
    .description("Peacekeeping and sex trafficking: rebuild the study from public raw data.")
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerDataCommands(program);
  registerReportCommand(program);
  registerFitCommand(program);
  registerCasesCommand(program);
  registerContributorsCommand(program);
  registerPanelCommand(program);
  registerServeCommand(program);
  return program;
}

/** Run the CLI; returns the exit code (0 on success). Errors print one clear line. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  program.commands.forEach((c) => c.exitOverride());
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 || err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : 2;
    }
    if (err instanceof PktError) {
      console.error(`pkt: ${err.message}`);
      return 1;
    }
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    return 1;
  }
}
