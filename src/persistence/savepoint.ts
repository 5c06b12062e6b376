import { query } from "./db"
import type { HostTransaction } from "./host-joins"
import { PooledTransaction } from "./pooled-transaction"

/**
 * The savepoint of a joined call. One name serves every call: the unit of work queues the calls joined
 * to one transaction, so two of them are never open at once, and a host's own savepoints (knex names
 * them `trxN`) never share it.
 */
const SAVEPOINT = "cartwright_call"
const OPEN = `SAVEPOINT ${SAVEPOINT}`
const RELEASE = `RELEASE SAVEPOINT ${SAVEPOINT}`
const UNDO = `ROLLBACK TO SAVEPOINT ${SAVEPOINT}; ${RELEASE}`

/**
 * Runs `work` inside a savepoint of the host's transaction `trx`: released when `work` succeeds, rolled
 * back (and released) when it fails, so the host's transaction stays usable and holds none of its writes.
 *
 * The statements are sent straight on the transaction's connection, as every other statement of a joined
 * call is (persistence/db.ts), not through a knex savepoint transaction, which builds a transaction
 * object and a knex instance per call: most of a joined call's CPU before this. The rollback and the
 * release travel as one simple-protocol round trip. A failure to roll back (a dropped connection) leaves
 * the transaction unusable, which the host learns from its next statement; `work`'s error is what this
 * call reports.
 */
export async function inSavepoint<T>(trx: HostTransaction, work: () => Promise<T>): Promise<T> {
  await query(trx, OPEN)
  try {
    const result = await work()
    // A release that fails (the transaction failed under the call) is rolled back too, so the host's
    // transaction is usable again.
    await query(trx, RELEASE)
    return result
  } catch (error) {
    await query(trx, UNDO).catch(() => undefined)
    throw error
  }
}

/**
 * Runs a call joined to `trx` so that its failure leaves `trx` usable and without the call's writes: in a
 * savepoint ({@link inSavepoint}), except for the first call in a transaction cartwright opened that has run
 * nothing since BEGIN (typically the `lockCart` that opens a `service.transaction` block). There, restarting
 * the transaction (ROLLBACK and BEGIN in one round trip) undoes exactly the call's writes, as rolling back to
 * a savepoint would, so it takes none: two round trips fewer.
 */
export async function asJoinedCall<T>(trx: HostTransaction, work: () => Promise<T>): Promise<T> {
  if (!(trx instanceof PooledTransaction) || !trx.untouched) return inSavepoint(trx, work)
  try {
    return await work()
  } catch (error) {
    // As in inSavepoint: a failed restart means a lost connection, and `work`'s error is what the call reports.
    await trx.restart().catch(() => undefined)
    throw error
  }
}
