import { CartModuleError } from "../errors/cart-module-error"
import { createCartModule } from "../module/create-cart-module"
import type { CartModule } from "../module/create-cart-module"
import type { CartDatabaseOptions } from "../module/options"
import { ExitCode, writeLine } from "./cli-io"
import type { CliIo } from "./cli-io"

/** How a command that works on DATABASE_URL names itself in its messages. */
export interface DatabaseCommand {
  /** The command, as in "DATABASE_URL is required for migrate". */
  readonly name: string
  /** A full command line, shown with DATABASE_URL when it is missing. */
  readonly example: string
  /** What failed, as in "cartwright: migrate up failed: …". */
  readonly action: string
  /** Added to an `invalid_data` failure: where the bad value most likely came from. */
  readonly invalidDataHint: string
  /** Database options besides the URL (schema, createDatabase). */
  readonly database?: Omit<CartDatabaseOptions, "clientUrl">
}

/**
 * Runs `work` with a cart module on DATABASE_URL and closes it afterwards. Never starts an embedded
 * server: working on a throwaway database would only hide a missing setting. A failure is one line on
 * stderr: our errors carry a readable message, anything else is unexpected.
 */
export async function withDatabaseModule(
  io: CliIo,
  command: DatabaseCommand,
  work: (module: CartModule) => Promise<ExitCode>,
): Promise<ExitCode> {
  const url = (io.env ?? process.env).DATABASE_URL?.trim()
  if (!url) {
    writeLine(
      io.stderr,
      `cartwright: DATABASE_URL is required for ${command.name}, e.g. DATABASE_URL=postgres://user@localhost:5432/shop ${command.example}`,
    )
    return ExitCode.FAILURE
  }
  let module: CartModule | undefined
  try {
    module = await createCartModule({
      database: { clientUrl: url, ...command.database },
      // The command prints its own report on stdout; the module's info lines would repeat it.
      logger: {
        warn: (message) => writeLine(io.stderr, `cartwright: ${message}`),
        error: (message) => writeLine(io.stderr, `cartwright: ${message}`),
      },
    })
    return await work(module)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const hint = CartModuleError.is(error) && error.type === "invalid_data" ? ` (${command.invalidDataHint})` : ""
    writeLine(io.stderr, `cartwright: ${command.action} failed: ${message}${hint}`)
    return ExitCode.FAILURE
  } finally {
    await module?.close()
  }
}
