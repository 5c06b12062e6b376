import { MODELS } from "../../models"
import { cartEvent } from "../events/cart-events"
import { countPurgeCandidates, deletePurgeBatch, lockPurgeBatch, purgeCutoff } from "../persistence/purge-sql"
import type { PurgeSelection } from "../persistence/purge-sql"
import { setDeleted } from "../persistence/soft-delete-sql"
import type { Tx, UnitOfWork } from "../persistence/unit-of-work"
import type { PurgeMode, PurgePlan } from "../validation/purge-options"

/** What `purgeCarts` did (or, in a dry run, would do). */
export interface PurgeCartsResult {
  readonly mode: PurgeMode
  readonly dryRun: boolean
  /** Carts inactive since before this instant were taken (database clock). */
  readonly cutoff: Date
  /** Carts removed; in a dry run, the carts that would be removed now. */
  readonly carts: number
  /** Committed batches; in a dry run, the batches it would take. */
  readonly batches: number
}

/** Removes one batch in the caller's transaction; returns the removed cart ids. */
async function purgeBatch(tx: Tx, selection: PurgeSelection, plan: PurgePlan): Promise<string[]> {
  let ids: string[]
  if (plan.mode === "hard") {
    ids = await deletePurgeBatch(tx.db, selection, plan.batchSize)
  } else {
    // Two statements, one transaction: the carts are locked first, so the cascade's snapshot sees
    // every child committed before the lock was granted.
    ids = await lockPurgeBatch(tx.db, selection, plan.batchSize)
    if (ids.length) await setDeleted(tx.db, MODELS.Cart, ids, true)
  }
  tx.emit(...ids.map((id) => cartEvent("Cart", "deleted", { id, cart_id: id }, tx.ctx.eventGroupId)))
  return ids
}

/**
 * Purges abandoned carts in bounded batches, each its own transaction (so its events are published
 * as it commits, and no lock outlives a batch). The cutoff is fixed when the purge starts, so a batch
 * that takes fewer than `batchSize` carts was the last: what it left are carts held by writers.
 */
export async function purgeCarts(unitOfWork: UnitOfWork, plan: PurgePlan): Promise<PurgeCartsResult> {
  const { text, date: cutoff } = await unitOfWork.read(undefined, (db) => purgeCutoff(db, plan.inactiveForMs))
  const selection: PurgeSelection = { cutoff: text, includeCompleted: plan.includeCompleted }
  if (plan.dryRun) {
    const carts = await unitOfWork.read(undefined, (db) => countPurgeCandidates(db, selection))
    return { mode: plan.mode, dryRun: true, cutoff, carts, batches: Math.ceil(carts / plan.batchSize) }
  }
  let total = 0
  let batches = 0
  for (;;) {
    const ids = await unitOfWork.write({}, (tx) => purgeBatch(tx, selection, plan))
    if (ids.length === 0) break
    batches += 1
    total += ids.length
    plan.onBatch?.({ batch: batches, carts: ids.length, total })
    if (ids.length < plan.batchSize) break
  }
  return { mode: plan.mode, dryRun: false, cutoff, carts: total, batches }
}
