import type { Knex } from "@mikro-orm/postgresql"
import { PooledTransaction } from "./pooled-transaction"
import { outermost } from "./host-event-buffers"
import type { CartContext } from "./unit-of-work"

/** A transaction a call can join: a host's knex transaction (or savepoint), or one `service.transaction()` opened. */
export type HostTransaction = Knex.Transaction | PooledTransaction

/**
 * What the unit of work keeps per host transaction it joined: the queue its joined calls wait in, and
 * the carts whose lock it holds. Both hang off the transaction objects (weakly), never off the module.
 */
export class HostJoins {
  /** Per outermost host transaction, the tail of the joined calls queued on its one connection. */
  private readonly queues = new WeakMap<HostTransaction, Promise<unknown>>()
  /**
   * Per host transaction (the very object the calls were given, so a host's own savepoint is a key of
   * its own), the carts whose lock a joined call took and kept: its savepoint was released, so the lock
   * lasts until that transaction ends, and the transaction object cannot be used after it ends.
   */
  private readonly locks = new WeakMap<HostTransaction, Set<string>>()

  /** The carts `host` holds the lock of, or `undefined` when none. */
  heldCarts(host: HostTransaction): ReadonlySet<string> | undefined {
    return this.locks.get(host)
  }

  /** Remembers carts a joined call on `host` locked and kept. */
  hold(host: HostTransaction, cartIds: Iterable<string>): void {
    let carts = this.locks.get(host)
    for (const cartId of cartIds) {
      if (carts === undefined) this.locks.set(host, (carts = new Set()))
      carts.add(cartId)
    }
  }

  /** Runs `run` after the joined calls queued before it: they share one connection, and concurrent savepoints on it would release each other. */
  queue<T>(host: HostTransaction, run: () => Promise<T>): Promise<T> {
    const root = host instanceof PooledTransaction ? host : outermost(host)
    const queued = (this.queues.get(root) ?? Promise.resolve()).then(run, run)
    this.queues.set(
      root,
      queued.catch(() => undefined),
    )
    return queued
  }
}

/** A MikroORM EntityManager, as far as joining its transaction goes. */
function hasTransactionContext(value: unknown): value is { getTransactionContext(): unknown } {
  return (
    typeof value === "object" && value !== null && "getTransactionContext" in value && typeof value.getTransactionContext === "function"
  )
}

/**
 * The knex transaction a host passed (directly, or as the transaction context of a MikroORM EntityManager).
 * Medusa's `Context` types `transactionManager` as `unknown`, and a host may bring its own copy of knex, so
 * the one check possible is knex's own marker of a transactor, which knex itself relies on to tell a
 * transaction from the pool; past it the value is taken for the `Knex.Transaction` it is.
 */
export function hostTransaction(ctx: CartContext | undefined): HostTransaction | undefined {
  const manager = ctx?.transactionManager
  if (manager instanceof PooledTransaction) return manager
  const candidate = hasTransactionContext(manager) ? manager.getTransactionContext() : manager
  if (typeof candidate !== "function" || !("isTransaction" in candidate) || candidate.isTransaction !== true) return undefined
  return candidate as Knex.Transaction
}
