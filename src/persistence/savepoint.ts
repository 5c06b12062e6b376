import { query } from "./db"
import type { HostTransaction } from "./host-joins"

/**
 * The savepoint of a joined call. One name serves every call: the unit of work queues the calls joined
 * to one transaction, so two of them are never open at once, and a host's own savepoints (knex names
 * them `trxN`) never share it.
 */
const SAVEPOINT = "cartwright_call"

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
  await query(trx, `SAVEPOINT ${SAVEPOINT}`)
  let result: T
  try {
    result = await work()
  } catch (error) {
    await query(trx, `ROLLBACK TO SAVEPOINT ${SAVEPOINT}; RELEASE SAVEPOINT ${SAVEPOINT}`).catch(() => undefined)
    throw error
  }
  await query(trx, `RELEASE SAVEPOINT ${SAVEPOINT}`)
  return result
}
