import { ExitCode, writeLine } from "./cli-io"
import type { CliIo } from "./cli-io"
import { demoCommand } from "./demo-command"
import { migrateCommand } from "./migrate-command"
import { HELP, usageError, wantsHelp } from "./usage"

/**
 * Runs the `cartwright` CLI in-process and resolves to its exit code (0 ok, 1 failure, 2 usage error).
 *
 * @example
 * const code = await runCli(["migrate", "status"], { stdout: process.stdout, stderr: process.stderr, env: { DATABASE_URL: url } })
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...args] = argv
  if (command === undefined) return usageError(io, "no command given")
  if (command === "help" || wantsHelp([command]) || wantsHelp(args)) {
    writeLine(io.stdout, HELP)
    return ExitCode.OK
  }
  switch (command) {
    case "migrate":
      return migrateCommand(args, io)
    case "demo":
      return args.length > 0 ? usageError(io, `demo takes no arguments, got: ${args.join(" ")}`) : demoCommand(io)
    default:
      return usageError(io, `unknown command "${command}"`)
  }
}
