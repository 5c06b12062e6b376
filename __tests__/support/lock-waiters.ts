import type { CartModuleService } from "../../src/service/cart-module-service"
import type { CartContext } from "../../src/persistence/unit-of-work"
import { withPgClient } from "./test-database"

/**
 * Resolves once at least `count` sessions on the database at `url` are blocked waiting for a lock.
 * Races are reproduced by holding a cart lock in one transaction, starting a second call, and
 * waiting here until it is really queued behind the first before letting the first commit.
 */
export async function waitForLockWaiters(url: string, count = 1): Promise<void> {
  await withPgClient(url, async (client) => {
    for (let attempt = 0; attempt < 2000; attempt++) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      )
      if (rows[0]!.n >= count) return
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error(`no ${count} lock waiter(s) appeared`)
  })
}

/** A cart lock another transaction holds until `release()`, which resolves once that transaction committed. */
export interface HeldCartLock {
  release(): Promise<void>
}

/**
 * Opens a transaction that runs `take` (a call that locks a cart, e.g. `lockCart` or a write) and then
 * holds on to the lock; resolves once the lock is taken. The transaction commits on `release()`.
 */
export async function holdCartLock(service: CartModuleService, take: (ctx: CartContext) => Promise<unknown>): Promise<HeldCartLock> {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let locked!: () => void
  const lockTaken = new Promise<void>((resolve) => (locked = resolve))
  const holder = service.transaction(async (ctx) => {
    await take(ctx)
    locked()
    await released
  })
  // A holder that fails before taking the lock must fail the test, not leave it waiting.
  await Promise.race([lockTaken, holder])
  return {
    release: () => {
      release()
      return holder
    },
  }
}
