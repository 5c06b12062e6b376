import { ExitCode, writeLine } from "./cli-io"
import type { CliIo } from "./cli-io"

/** The top-level help text. */
export const HELP = `Usage: cartwright <command> [options]

Commands:
  migrate up            Apply every pending migration
  migrate down [--all]  Revert the last migration (or all of them with --all)
  migrate status        List applied and pending migrations
  demo                  Run the storefront demo checkout (from a repository checkout)

Options:
  -h, --help            Show this help

Environment:
  DATABASE_URL          PostgreSQL connection URL (required by migrate), e.g. postgres://user@localhost:5432/shop

Exit codes: 0 success, 1 failure, 2 usage error.`

/** Reports a usage mistake on stderr, followed by the help, and returns the usage exit code. */
export function usageError(io: CliIo, message: string): ExitCode {
  writeLine(io.stderr, `cartwright: ${message}`)
  writeLine(io.stderr)
  writeLine(io.stderr, HELP)
  return ExitCode.USAGE
}

/** True when the arguments ask for help. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes("--help") || args.includes("-h")
}
