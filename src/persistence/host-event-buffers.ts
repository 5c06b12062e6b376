import type { CartEvent } from "../events/cart-events"

/** The parts of a knex transactor (what MikroORM's `getTransactionContext()` returns too) that event buffering needs. */
export interface KnexTransactor {
  isTransaction?: boolean
  executionPromise?: Promise<unknown>
  parentTransaction?: KnexTransactor
  commit?: (...args: unknown[]) => unknown
  rollback?: (...args: unknown[]) => unknown
}

interface Buffered {
  readonly event: CartEvent
  /** The (possibly nested) transaction the event was produced in. */
  readonly trx: KnexTransactor
}

interface RootBuffer {
  readonly entries: Buffered[]
  committed: boolean
}

/** The outermost transaction of a (savepoint) chain: the one whose COMMIT makes writes durable. */
export function outermost(trx: KnexTransactor): KnexTransactor {
  let current = trx
  while (current.parentTransaction) current = current.parentTransaction
  return current
}

/**
 * Holds the events of calls that joined a host's transaction until its outermost COMMIT.
 *
 * Knex resolves `executionPromise` on ROLLBACK as well as on COMMIT (its `doNotRejectOnRollback`
 * default, which MikroORM's `transactional` relies on), so the promise alone cannot tell them apart.
 * We therefore wrap the transactors' own `commit`/`rollback`: events are published only when the
 * root committed, and events of a savepoint that was rolled back are dropped even if the root commits.
 */
export class HostEventBuffers {
  private readonly roots = new WeakMap<object, RootBuffer>()
  private readonly watched = new WeakSet<object>()
  private readonly rolledBack = new WeakSet<object>()

  constructor(private readonly publish: (events: readonly CartEvent[]) => Promise<void>) {}

  /** Returns the `emit` for work running on `trx`; its events wait for the outermost commit. */
  emitterFor(trx: KnexTransactor): (...events: CartEvent[]) => void {
    const buffer = this.bufferFor(outermost(trx))
    this.watchRollbacks(trx)
    return (...events) => void buffer.entries.push(...events.map((event) => ({ event, trx })))
  }

  private bufferFor(root: KnexTransactor): RootBuffer {
    const existing = this.roots.get(root)
    if (existing) return existing
    const buffer: RootBuffer = { entries: [], committed: false }
    this.roots.set(root, buffer)
    const commit = root.commit
    if (commit) {
      root.commit = (...args: unknown[]) => {
        buffer.committed = true
        return commit.apply(root, args)
      }
    }
    // A failed COMMIT rejects the promise, so `committed` alone never publishes a lost transaction.
    root.executionPromise?.then(
      () => (buffer.committed ? this.publish(this.survivors(buffer)) : undefined),
      () => undefined,
    )
    return buffer
  }

  private watchRollbacks(trx: KnexTransactor): void {
    for (let current: KnexTransactor | undefined = trx; current && !this.watched.has(current); current = current.parentTransaction) {
      const target = current
      this.watched.add(target)
      const rollback = target.rollback
      if (!rollback) continue
      target.rollback = (...args: unknown[]) => {
        this.rolledBack.add(target)
        return rollback.apply(target, args)
      }
    }
  }

  private survivors(buffer: RootBuffer): CartEvent[] {
    return buffer.entries.filter((entry) => !this.discarded(entry.trx)).map((entry) => entry.event)
  }

  private discarded(trx: KnexTransactor): boolean {
    for (let current: KnexTransactor | undefined = trx; current; current = current.parentTransaction) {
      if (this.rolledBack.has(current)) return true
    }
    return false
  }
}
