import { MIGRATIONS } from "../../migrations"
import { CartModuleError } from "../errors/cart-module-error"
import { createCartModule } from "../module/create-cart-module"
import type { CartModule } from "../module/create-cart-module"
import { ExitCode, writeLine } from "./cli-io"
import type { CliIo } from "./cli-io"
import { parseMigrateArgs } from "./migrate-args"
import type { MigrateArgs } from "./migrate-args"
import { MIGRATE_HELP, usageError } from "./usage"

async function migrateUp(module: CartModule, io: CliIo): Promise<ExitCode> {
  const applied = await module.migrate()
  if (applied.length === 0) writeLine(io.stdout, "Nothing to apply: the database is up to date.")
  for (const name of applied) writeLine(io.stdout, `Applied: ${name}`)
  return ExitCode.OK
}

/** What `down` would revert: the last applied migration, or all of them, newest first. */
function toRevert(executed: readonly string[], all: boolean): string[] {
  return (all ? [...executed] : executed.slice(-1)).reverse()
}

function tablesOf(module: CartModule): string[] {
  return Object.values(module.orm.getMetadata().getAll())
    .map((meta) => meta.tableName)
    .sort()
}

async function migrateDown(module: CartModule, io: CliIo, args: MigrateArgs): Promise<ExitCode> {
  const { executed } = await module.migrationStatus()
  const names = toRevert(executed, args.all)
  if (names.length === 0) {
    writeLine(io.stdout, "Nothing to revert: no migration is applied.")
    return ExitCode.OK
  }
  if (!args.yes) {
    // Reverting the first migration drops every table; later ones may drop columns. Say which, and stop.
    const dropsTables = names.includes(MIGRATIONS[0]?.name ?? "")
    const what = dropsTables
      ? `This drops the tables ${tablesOf(module).join(", ")} in schema ${args.schema ?? "public"}, and every row in them.`
      : "Their down() steps may drop columns or tables, and the data in them."
    writeLine(io.stderr, `cartwright: migrate down would revert ${names.join(", ")}.`)
    writeLine(io.stderr, what)
    writeLine(io.stderr, "Nothing was changed. Run it again with --yes to do it.")
    return ExitCode.USAGE
  }
  const reverted = await module.migrateDown({ all: args.all })
  for (const name of reverted) writeLine(io.stdout, `Reverted: ${name}`)
  return ExitCode.OK
}

async function migrationStatus(module: CartModule, io: CliIo): Promise<ExitCode> {
  const { executed, pending } = await module.migrationStatus()
  writeLine(io.stdout, "Status   Migration")
  for (const name of executed) writeLine(io.stdout, `applied  ${name}`)
  for (const name of pending) writeLine(io.stdout, `pending  ${name}`)
  writeLine(io.stdout, `${executed.length} applied, ${pending.length} pending`)
  return ExitCode.OK
}

/** Prints a failure as one line: our errors carry a readable message, anything else is unexpected. */
function reportFailure(io: CliIo, action: string, error: unknown): ExitCode {
  const message = error instanceof Error ? error.message : String(error)
  const hint = CartModuleError.is(error) && error.type === "invalid_data" ? " (check DATABASE_URL and --schema)" : ""
  writeLine(io.stderr, `cartwright: migrate ${action} failed: ${message}${hint}`)
  return ExitCode.FAILURE
}

/**
 * `cartwright migrate up|down|status [--schema name]`: runs migrations against DATABASE_URL.
 * Never starts an embedded server: migrating a throwaway database would only hide a missing setting.
 */
export async function migrateCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseMigrateArgs(argv)
  if (typeof parsed === "string") return usageError(io, parsed, MIGRATE_HELP)

  const url = (io.env ?? process.env).DATABASE_URL?.trim()
  if (!url) {
    writeLine(
      io.stderr,
      "cartwright: DATABASE_URL is required for migrate, e.g. DATABASE_URL=postgres://user@localhost:5432/shop cartwright migrate up",
    )
    return ExitCode.FAILURE
  }

  let module: CartModule | undefined
  try {
    module = await createCartModule({
      database: {
        clientUrl: url,
        ...(parsed.schema ? { schema: parsed.schema } : {}),
        ...(parsed.createDatabase ? { createDatabase: true } : {}),
      },
      // The command prints its own report on stdout; the module's info lines would repeat it.
      logger: {
        warn: (message) => writeLine(io.stderr, `cartwright: ${message}`),
        error: (message) => writeLine(io.stderr, `cartwright: ${message}`),
      },
    })
    if (parsed.action === "up") return await migrateUp(module, io)
    if (parsed.action === "down") return await migrateDown(module, io, parsed)
    return await migrationStatus(module, io)
  } catch (error) {
    return reportFailure(io, parsed.action, error)
  } finally {
    await module?.close()
  }
}
