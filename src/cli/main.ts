import { Command, CommanderError } from "commander";
import { PktError } from "../core/errors.js";
import { VERSION } from "../core/version.js";
import { registerDataCommands } from "./data.js";
import { registerReportCommand } from "./report.js";
import { registerFitCommand } from "./fit.js";
import { registerCasesCommand } from "./cases.js";
import { registerContributorsCommand } from "./contributors.js";
import { registerPanelCommand } from "./panel.js";
import { registerServeCommand } from "./serve.js";
import { registerMultiverseCommand } from "./multiverse.js";

/** The program's version (defined in src/core/version.ts). */
export { VERSION };

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
  registerMultiverseCommand(program);
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
    console.error(`pkt: ${describeError(err)}`);
    if (process.env.PKT_DEBUG && err instanceof Error && err.stack) console.error(err.stack);
    return 1;
  }
}

const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory",
  ENOTDIR: "a parent is not a directory",
  ENOSPC: "no space left on the device",
  EROFS: "read-only file system",
  EEXIST: "already exists",
  EADDRINUSE: "address already in use",
  EMFILE: "too many open files",
};

/** One line for an unexpected error: a system error as `<what> <path>: <reason>`, never a stack trace (PKT_DEBUG=1 prints it). */
export function describeError(err: unknown): string {
  if (typeof err === "object" && err !== null && "code" in err && typeof (err as { code: unknown }).code === "string") {
    const e = err as { code: string; syscall?: string; path?: string; message?: string };
    const reason = SYSTEM_ERRORS[e.code] ?? e.code;
    if (e.path !== undefined) return `${e.syscall ?? "access"} ${e.path}: ${reason} (${e.code})`;
    return `${e.message ?? reason}`;
  }
  const msg = err instanceof Error ? err.message : String(err);
  return `internal error: ${msg.split("\n")[0]} (set PKT_DEBUG=1 for the stack trace)`;
}
