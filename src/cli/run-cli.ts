import { ExitCode, writeLine } from "./cli-io"
import type { CliIo } from "./cli-io"
import { demoCommand } from "./demo-command"
import { migrateCommand } from "./migrate-command"
import { purgeCommand } from "./purge-command"
import { DEMO_HELP, HELP, MIGRATE_HELP, PURGE_HELP, usageError, wantsHelp, wantsVersion } from "./usage"
import { VERSION } from "./version"

/** Each command's help, for `cartwright <command> --help` and `cartwright help <command>`. */
const COMMAND_HELP: Readonly<Record<string, string>> = { migrate: MIGRATE_HELP, purge: PURGE_HELP, demo: DEMO_HELP }

function printHelp(io: CliIo, command: string | undefined): ExitCode {
  if (command !== undefined && COMMAND_HELP[command] === undefined) return usageError(io, `unknown command "${command}"`)
  writeLine(io.stdout, command === undefined ? HELP : COMMAND_HELP[command])
  return ExitCode.OK
}

/**
 * Runs the `cartwright` CLI in-process and resolves to its exit code (0 ok, 1 failure, 2 usage error).
 *
 * @example
 * const code = await runCli(["migrate", "status"], { stdout: process.stdout, stderr: process.stderr, env: { DATABASE_URL: url } })
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...args] = argv
  if (command === undefined) return usageError(io, "no command given")
  if (wantsVersion([command])) {
    writeLine(io.stdout, `cartwright ${VERSION}`)
    return ExitCode.OK
  }
  if (wantsHelp([command])) return printHelp(io, undefined)
  if (command === "help") return printHelp(io, args[0])
  if (wantsHelp(args)) return printHelp(io, command)
  switch (command) {
    case "migrate":
      return migrateCommand(args, io)
    case "purge":
      return purgeCommand(args, io)
    case "demo":
      return args.length > 0 ? usageError(io, `demo takes no arguments, got: ${args.join(" ")}`, DEMO_HELP) : demoCommand(io)
    default:
      return usageError(io, `unknown command "${command}"`)
  }
}
