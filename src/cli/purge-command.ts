import { CartModuleError } from "../errors/cart-module-error"
import { createCartModule } from "../module/create-cart-module"
import type { CartModule } from "../module/create-cart-module"
import { ExitCode, writeLine } from "./cli-io"
import type { CliIo } from "./cli-io"
import { parsePurgeArgs } from "./purge-args"
import type { PurgeArgs } from "./purge-args"
import { PURGE_HELP, usageError } from "./usage"

async function purge(module: CartModule, args: PurgeArgs, io: CliIo): Promise<ExitCode> {
  const verb = args.soft ? "soft-deleted" : "deleted"
  const result = await module.service.purgeCarts({
    inactiveFor: args.inactiveFor,
    includeCompleted: args.includeCompleted,
    mode: args.soft ? "soft" : "hard",
    dryRun: args.dryRun,
    ...(args.batchSize !== undefined ? { batchSize: args.batchSize } : {}),
    onBatch: ({ batch, carts, total }) => writeLine(io.stdout, `batch ${batch}: ${carts} carts ${verb} (${total} so far)`),
  })
  const since = result.cutoff.toISOString()
  if (result.dryRun) {
    writeLine(
      io.stdout,
      `Dry run: ${result.carts} carts inactive since ${since} would be ${verb} in ${result.batches} batches; nothing was changed.`,
    )
  } else {
    writeLine(io.stdout, `Purged: ${result.carts} carts inactive since ${since} ${verb} in ${result.batches} batches.`)
  }
  return ExitCode.OK
}

/**
 * `cartwright purge --inactive-for 30d [--include-completed] [--batch-size N] [--soft] [--dry-run] [--schema s]`:
 * removes abandoned carts from the database in DATABASE_URL, printing one line per committed batch.
 */
export async function purgeCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parsePurgeArgs(argv)
  if (typeof parsed === "string") return usageError(io, parsed, PURGE_HELP)
  const url = (io.env ?? process.env).DATABASE_URL?.trim()
  if (!url) {
    writeLine(
      io.stderr,
      "cartwright: DATABASE_URL is required for purge, e.g. DATABASE_URL=postgres://user@localhost:5432/shop cartwright purge --inactive-for 30d",
    )
    return ExitCode.FAILURE
  }
  let module: CartModule | undefined
  try {
    module = await createCartModule({
      database: { clientUrl: url, ...(parsed.schema ? { schema: parsed.schema } : {}) },
      logger: {
        warn: (message) => writeLine(io.stderr, `cartwright: ${message}`),
        error: (message) => writeLine(io.stderr, `cartwright: ${message}`),
      },
    })
    return await purge(module, parsed, io)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const hint = CartModuleError.is(error) && error.type === "invalid_data" ? " (check DATABASE_URL, --schema and the options)" : ""
    writeLine(io.stderr, `cartwright: purge failed: ${message}${hint}`)
    return ExitCode.FAILURE
  } finally {
    await module?.close()
  }
}
