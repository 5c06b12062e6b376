import { CartModuleError } from "../errors/cart-module-error"
import { createCartModule } from "../module/create-cart-module"
import type { CartModule } from "../module/create-cart-module"
import { ExitCode, writeLine } from "./cli-io"
import type { CliIo } from "./cli-io"
import { usageError } from "./usage"

type MigrateAction = "up" | "down" | "status"

const ACTIONS: readonly MigrateAction[] = ["up", "down", "status"]

/** Flags each action accepts; anything else is a usage error rather than silently ignored. */
const FLAGS: Readonly<Record<MigrateAction, readonly string[]>> = { up: [], down: ["--all"], status: [] }

async function migrateUp(module: CartModule, io: CliIo): Promise<void> {
  const applied = await module.migrate()
  if (applied.length === 0) writeLine(io.stdout, "Nothing to apply: the database is up to date.")
  for (const name of applied) writeLine(io.stdout, `Applied: ${name}`)
}

async function migrateDown(module: CartModule, io: CliIo, all: boolean): Promise<void> {
  const reverted = await module.migrateDown({ all })
  if (reverted.length === 0) writeLine(io.stdout, "Nothing to revert: no migration is applied.")
  for (const name of reverted) writeLine(io.stdout, `Reverted: ${name}`)
}

async function migrationStatus(module: CartModule, io: CliIo): Promise<void> {
  const { executed, pending } = await module.migrationStatus()
  writeLine(io.stdout, "Status   Migration")
  for (const name of executed) writeLine(io.stdout, `applied  ${name}`)
  for (const name of pending) writeLine(io.stdout, `pending  ${name}`)
  writeLine(io.stdout, `${executed.length} applied, ${pending.length} pending`)
}

/** Prints a failure as one line: our errors carry a readable message, anything else is unexpected. */
function reportFailure(io: CliIo, action: MigrateAction, error: unknown): ExitCode {
  const message = error instanceof Error ? error.message : String(error)
  const hint = CartModuleError.is(error) && error.type === "invalid_data" ? " (check DATABASE_URL)" : ""
  writeLine(io.stderr, `cartwright: migrate ${action} failed: ${message}${hint}`)
  return ExitCode.FAILURE
}

/**
 * `cartwright migrate up|down|status`: runs migrations against DATABASE_URL.
 * Never starts an embedded server: migrating a throwaway database would only hide a missing setting.
 */
export async function migrateCommand(args: readonly string[], io: CliIo): Promise<ExitCode> {
  const [action, ...rest] = args
  if (!action) return usageError(io, "migrate needs an action: up, down or status")
  if (!ACTIONS.includes(action as MigrateAction)) return usageError(io, `unknown migrate action "${action}"`)
  const migrateAction = action as MigrateAction
  const unknown = rest.filter((arg) => !FLAGS[migrateAction].includes(arg))
  if (unknown.length > 0) return usageError(io, `unexpected argument(s) for migrate ${action}: ${unknown.join(" ")}`)

  const url = (io.env ?? process.env).DATABASE_URL?.trim()
  if (!url) {
    writeLine(io.stderr, "cartwright: DATABASE_URL is required for migrate, e.g. DATABASE_URL=postgres://user@localhost:5432/shop cartwright migrate up")
    return ExitCode.FAILURE
  }

  let module: CartModule | undefined
  try {
    module = await createCartModule({ database: { clientUrl: url } })
    if (migrateAction === "up") await migrateUp(module, io)
    else if (migrateAction === "down") await migrateDown(module, io, rest.includes("--all"))
    else await migrationStatus(module, io)
    return ExitCode.OK
  } catch (error) {
    return reportFailure(io, migrateAction, error)
  } finally {
    await module?.close()
  }
}
