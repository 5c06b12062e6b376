import type { CartModule } from "../module/create-cart-module"
import { ExitCode, writeLine } from "./cli-io"
import type { CliIo } from "./cli-io"
import { withDatabaseModule } from "./database-command"
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

/** What `purge` says about itself when DATABASE_URL is missing or a value is refused. */
const PURGE_COMMAND = {
  name: "purge",
  example: "cartwright purge --inactive-for 30d",
  invalidDataHint: "check DATABASE_URL, --schema and the options",
}

/**
 * `cartwright purge --inactive-for 30d [--include-completed] [--batch-size N] [--soft] [--dry-run] [--schema s]`:
 * removes abandoned carts from the database in DATABASE_URL, printing one line per committed batch.
 */
export async function purgeCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = parsePurgeArgs(argv)
  if (typeof parsed === "string") return usageError(io, parsed, PURGE_HELP)
  const command = { ...PURGE_COMMAND, action: "purge", database: parsed.schema ? { schema: parsed.schema } : {} }
  return withDatabaseModule(io, command, (module) => purge(module, parsed, io))
}
