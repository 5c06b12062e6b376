import { ExitCode, writeLine } from "./cli-io"
import type { CliIo } from "./cli-io"

/** The top-level help text. */
export const HELP = `Usage: cartwright <command> [options]

Commands:
  migrate up              Apply every pending migration
  migrate down --yes      Revert the last migration (all of them with --all); drops tables and data
  migrate status          List applied and pending migrations
  purge --inactive-for 30d
                          Delete carts inactive that long, in batches (--dry-run to count only)

Options:
  -h, --help              Show this help (or a command's: cartwright migrate --help)
  -v, --version           Print cartwright's version

Environment:
  DATABASE_URL            PostgreSQL connection URL (required by migrate and purge), e.g. postgres://user@localhost:5432/shop

Exit codes: 0 success, 1 failure, 2 usage error.`

/** Help of `cartwright migrate`. */
export const MIGRATE_HELP = `Usage: cartwright migrate <up|down|status> [options]

Runs the cart module's migrations against the database in DATABASE_URL (never an embedded server).

Actions:
  up                      Apply every pending migration
  down                    Revert the last applied migration: this can drop the cart tables and every row in them
  status                  List applied and pending migrations

Options:
  --schema <name>         PostgreSQL schema of the tables (default: public); up creates it if missing
  --create-database       up only: create the database in DATABASE_URL when it does not exist
  --all                   down only: revert every applied migration
  -y, --yes               down only: confirm; without it, down only says what it would drop
  -h, --help              Show this help

Example:
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/shop npx cartwright migrate up --schema cart`

/** Help of `cartwright purge`. */
export const PURGE_HELP = `Usage: cartwright purge --inactive-for <duration> [options]

Deletes abandoned carts (no change for longer than <duration>, by cart.last_active_at) from the
database in DATABASE_URL, in batches of one transaction each, printing a line per batch. Carts a
writer holds at that moment are skipped, never waited for. Completed carts are kept unless asked.

Options:
  --inactive-for <d>      Required: 30d, 12h, 45m, 90s, 500ms (or milliseconds)
  --include-completed     Also delete completed carts
  --batch-size <n>        Carts per batch (default 500, at most 10000)
  --soft                  Soft-delete (restorable with restoreCarts) instead of deleting the rows
  --dry-run               Count the carts it would delete; change nothing
  --schema <name>         PostgreSQL schema of the tables (default: public)
  -h, --help              Show this help

Example (e.g. from cron, daily):
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/shop npx cartwright purge --inactive-for 30d`

/** Help of `cartwright demo`, which exists only in a repository checkout. */
export const DEMO_HELP = `Usage: cartwright demo

Runs one scripted checkout against the example storefront (examples/storefront/demo.ts) and prints
the cart with its totals. Only in a repository checkout, where the example app and tsx are installed.
Uses DATABASE_URL, or a throwaway embedded PostgreSQL server when it is not set.`

/** Reports a usage mistake on stderr, followed by the relevant help, and returns the usage exit code. */
export function usageError(io: CliIo, message: string, help: string = HELP): ExitCode {
  writeLine(io.stderr, `cartwright: ${message}`)
  writeLine(io.stderr)
  writeLine(io.stderr, help)
  return ExitCode.USAGE
}

/** True when the arguments ask for help. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes("--help") || args.includes("-h")
}

/** True when the arguments ask for the version. */
export function wantsVersion(args: readonly string[]): boolean {
  return args.includes("--version") || args.includes("-v")
}
