import { MIGRATIONS } from "../../migrations"
import type { CartModule } from "../module/create-cart-module"
import { ExitCode, writeLine } from "./cli-io"
import type { CliIo } from "./cli-io"
import { withDatabaseModule } from "./database-command"
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

/** What `migrate` says about itself when DATABASE_URL is missing or a value is refused. */
const MIGRATE_COMMAND = { name: "migrate", example: "cartwright migrate up", invalidDataHint: "check DATABASE_URL and --schema" }

/**
 * `cartwright migrate up|down|status [--schema name]`: runs migrations against DATABASE_URL.
 * Never starts an embedded server: migrating a throwaway database would only hide a missing setting.
 */
export async function migrateCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parseMigrateArgs(argv)
  if (typeof parsed === "string") return usageError(io, parsed, MIGRATE_HELP)

  const database = { ...(parsed.schema ? { schema: parsed.schema } : {}), ...(parsed.createDatabase ? { createDatabase: true } : {}) }
  const command = { ...MIGRATE_COMMAND, action: `migrate ${parsed.action}`, database }
  return withDatabaseModule(io, command, async (module) => {
    if (parsed.action === "up") return migrateUp(module, io)
    if (parsed.action === "down") return migrateDown(module, io, parsed)
    return migrationStatus(module, io)
  })
}
