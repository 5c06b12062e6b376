import type { Knex } from "@mikro-orm/postgresql"
import type { CartEvent } from "../events/cart-events"
import type { HostTransaction } from "./host-joins"
import { PooledTransaction } from "./pooled-transaction"

/** The statement that ends a transaction (`COMMIT;`, `ROLLBACK`) or a savepoint (`RELEASE SAVEPOINT …`, `ROLLBACK TO SAVEPOINT …`). */
const ENDING = /^\s*(?:COMMIT|RELEASE\s+SAVEPOINT|ROLLBACK)\b/i
/** Of those, the ones that keep its writes. */
const KEEPING = /^\s*(?:COMMIT|RELEASE)\b/i

/** The outermost transaction of a (savepoint) chain: the one whose COMMIT makes writes durable. */
export function outermost(trx: Knex.Transaction): Knex.Transaction {
  let current = trx
  while (current.parentTransaction) current = current.parentTransaction
  return current
}

/** The SQL of a knex `query` event's payload. */
function sqlOf(payload: unknown): string {
  return typeof payload === "object" && payload !== null && "sql" in payload && typeof payload.sql === "string" ? payload.sql : ""
}

interface Buffered {
  readonly events: readonly CartEvent[]
  /** The host transaction (or savepoint) the events were produced in, after the call's own savepoint was released. */
  readonly trx: Knex.Transaction
}

/**
 * Holds the events of calls that joined a host's transaction until its outermost COMMIT, without
 * touching the host's transaction objects.
 *
 * Knex resolves `executionPromise` on ROLLBACK as well as on COMMIT (its `doNotRejectOnRollback`
 * default, which MikroORM's `transactional` relies on), so the promise alone cannot tell them apart.
 * What does tell them apart is the statement that ended the transaction: knex announces every statement
 * a transactor sends, COMMIT and ROLLBACK included, as a `query` event on that transactor (a savepoint's
 * statements reach its parents' listeners too), and refuses any statement after the one that ended it.
 * So the last ending statement a transactor announced before its promise settled is its own. Events are
 * published when the root committed, and dropped when any savepoint between them and the root was
 * rolled back, even if the root commits. A transaction `service.transaction()` opened (a
 * {@link PooledTransaction}) needs none of this: its events wait on it, and it publishes them after its COMMIT.
 */
export class HostEventBuffers {
  /** Transactions being listened to. */
  private readonly watched = new WeakSet<Knex.Transaction>()
  /** Per ended transaction, whether it kept its writes (COMMIT, RELEASE). */
  private readonly ended = new WeakMap<Knex.Transaction, boolean>()
  /** Per root transaction, the events waiting for its COMMIT. */
  private readonly buffers = new WeakMap<Knex.Transaction, Buffered[]>()

  constructor(private readonly publish: (events: readonly CartEvent[]) => Promise<void>) {}

  /**
   * Starts listening to `trx` and every transaction around it. Call it while they are still open (before
   * the work that will {@link add} events runs): a transaction's end is heard only by a listener added before it.
   */
  watch(trx: HostTransaction): void {
    // A transaction of cartwright's own publishes its events itself after its COMMIT (`UnitOfWork.transaction`).
    if (trx instanceof PooledTransaction) return
    for (let current: Knex.Transaction | undefined = trx; current; current = current.parentTransaction) this.listen(current)
  }

  /** Buffers `events` of a call that wrote in `trx` (a host's transaction or savepoint); they wait for the outermost commit. */
  add(trx: HostTransaction, events: readonly CartEvent[]): void {
    if (events.length === 0) return
    if (trx instanceof PooledTransaction) return void trx.afterCommit.push(...events)
    this.watch(trx)
    const root = outermost(trx)
    const buffer = this.buffers.get(root)
    if (buffer) buffer.push({ events, trx })
    else this.buffers.set(root, [{ events, trx }])
  }

  private listen(trx: Knex.Transaction): void {
    if (this.watched.has(trx)) return
    this.watched.add(trx)
    let ending = ""
    const listener = (payload: unknown) => {
      const sql = sqlOf(payload)
      if (ENDING.test(sql)) ending = sql
    }
    trx.on("query", listener)
    // A failed COMMIT rejects the promise, so a lost transaction never counts as committed.
    trx.executionPromise.then(
      () => this.settle(trx, listener, KEEPING.test(ending)),
      () => this.settle(trx, listener, false),
    )
  }

  /** Records how `trx` ended; when it is the root and it committed, publishes the events that survived. */
  private settle(trx: Knex.Transaction, listener: (payload: unknown) => void, kept: boolean): void {
    trx.removeListener("query", listener)
    this.ended.set(trx, kept)
    const buffer = this.buffers.get(trx)
    this.buffers.delete(trx)
    if (!kept || !buffer || trx.parentTransaction) return
    // Savepoints end before their root, so each one's outcome is known by now; one that is not counts as lost.
    const survivors = buffer.filter((entry) => this.released(entry.trx)).flatMap((entry) => entry.events)
    void this.publish(survivors)
  }

  /** True when `trx` and every savepoint between it and the root were released. */
  private released(trx: Knex.Transaction): boolean {
    for (let current = trx; current.parentTransaction; current = current.parentTransaction) {
      if (this.ended.get(current) !== true) return false
    }
    return true
  }
}
