import { performance } from "node:perf_hooks"
import type { BenchTarget } from "./bench-target"
import { measureConcurrent } from "./stats"
import type { PhaseResult } from "./stats"
import type { WorkloadSize } from "./workload"

/** What one contention phase found. */
export interface ConcurrencyCheck {
  readonly writers: number
  readonly increments: number
  readonly conflicts: number
  readonly expectedQuantity: number
  readonly finalQuantity: number
  readonly lost: number
}

/** Records a finished phase (the workload's table and log). */
export type RecordPhase = (phase: Promise<PhaseResult> | PhaseResult) => Promise<void>

interface ContendedItem {
  readonly cartId: string
  readonly itemId: string
}

/** A fresh one-item cart at quantity 1, so each phase's expected final quantity is 1 + its increments. */
async function contendedItem(target: BenchTarget): Promise<ContendedItem> {
  const cart = await target.createCart({
    currency_code: "usd",
    items: [{ title: "Contended", variant_id: "variant_contended", quantity: 1, unit_price: "10" }],
  })
  return { cartId: cart.id, itemId: (cart.itemIds ?? (await target.itemIdsOf(cart.id)))[0]! }
}

/** Each writer's loop: `incrementsPerWriter` increments, each timed from its first attempt to its success. */
function timedIncrements(size: WorkloadSize, increment: () => Promise<void>) {
  return async (_worker: number, record: (latencyMs: number) => void) => {
    for (let n = 0; n < size.incrementsPerWriter; n++) {
      const t0 = performance.now()
      await increment()
      record(performance.now() - t0)
    }
  }
}

/** Read-then-write with an expected version: a stale read must fail, never overwrite. */
async function optimisticIncrement(target: BenchTarget, { cartId, itemId }: ContendedItem, onConflict: () => void): Promise<void> {
  for (;;) {
    const current = await target.readVersioned(cartId, itemId)
    if (await target.updateQuantityAt(itemId, current.quantity + 1, current.version)) return
    onConflict()
  }
}

/** Reads the final quantity (untimed) and compares it with the increments the writers made. */
async function check(
  target: BenchTarget,
  size: WorkloadSize,
  { cartId, itemId }: ContendedItem,
  conflicts: number,
): Promise<ConcurrencyCheck> {
  const increments = size.writers * size.incrementsPerWriter
  const finalQuantity = (await target.readVersioned(cartId, itemId)).quantity
  const expectedQuantity = 1 + increments
  return { writers: size.writers, increments, conflicts, expectedQuantity, finalQuantity, lost: expectedQuantity - finalQuantity }
}

/** `writers` concurrent read-then-write increments of one line, optimistic: a version conflict is retried. */
export async function optimisticWriters(target: BenchTarget, size: WorkloadSize, run: RecordPhase): Promise<ConcurrencyCheck> {
  const item = await contendedItem(target)
  let conflicts = 0
  const phase = await measureConcurrent(
    `${size.writers} writers, one cart (+1 qty)`,
    size.writers,
    timedIncrements(size, () => optimisticIncrement(target, item, () => void conflicts++)),
    () => `${conflicts} conflicts retried`,
  )
  const result = await check(target, size, item, conflicts)
  await run({ ...phase, keptShare: keptShare(result) })
  return result
}

/** The share of the increments made that the final quantity kept. */
function keptShare(check: ConcurrencyCheck): number {
  return (check.increments - check.lost) / check.increments
}

/**
 * The same increments, pessimistic: each one locks the cart, reads and writes in one transaction,
 * so writers queue on the row lock instead of conflicting. A target with no lock runs the optimistic
 * read-then-write instead, and its notes say so.
 */
export async function lockingWriters(target: BenchTarget, size: WorkloadSize, run: RecordPhase): Promise<ConcurrencyCheck> {
  const item = await contendedItem(target)
  let conflicts = 0
  const increment = () =>
    target.incrementUnderLock
      ? target.incrementUnderLock(item.cartId, item.itemId)
      : optimisticIncrement(target, item, () => void conflicts++)
  const phase = await measureConcurrent(
    `${size.writers} writers, one cart (+1 qty, lockCart)`,
    size.writers,
    timedIncrements(size, increment),
  )
  const result = await check(target, size, item, conflicts)
  await run({ ...phase, notes: `${target.incrementUnderLock ? "" : "no lock: "}lost ${result.lost}`, keptShare: keptShare(result) })
  return result
}
