import type { Knex } from "@mikro-orm/postgresql"
import type { CartEvent } from "../events/cart-events"
import type { EventBusPort } from "../ports/event-bus"
import type { LoggerPort } from "../ports/logger"
import type { Db } from "./db"
import { PooledTransaction } from "./pooled-transaction"
import { UnexpectedStateError } from "../errors/errors"
import { isLockTimeout, isRetryable, mapDriverError } from "./driver-errors"
import type { TimeoutBudgets } from "./driver-errors"
import { EventPublisher } from "./event-publisher"
import { HostEventBuffers } from "./host-event-buffers"
import { HostJoins, hostTransaction } from "./host-joins"
import type { HostTransaction } from "./host-joins"
import { safeLogger } from "./safe-logger"
import { asJoinedCall } from "./savepoint"

/**
 * Medusa's `Context` as the module reads it, plus cartwright's own options.
 * Pass `transactionManager` (a MikroORM EntityManager, a knex transaction, or `service.transaction()`'s handle)
 * to make the call join the host's transaction.
 */
export interface CartContext {
  transactionManager?: unknown
  manager?: unknown
  /** Medusa's event grouping id; copied onto every event's metadata. */
  eventGroupId?: string
  /** Optimistic check: the version the caller last saw of the one cart this call writes. */
  expectedVersion?: number
  /** Lets a write touch a completed cart (for post-completion fixes by trusted code). */
  allowCompletedCartWrites?: boolean
  [key: string]: unknown
}

/** What one unit of work hands to the code it runs. */
export interface Tx {
  readonly db: Db
  readonly ctx: CartContext
  /** Buffers events; they are emitted after the outermost commit. */
  emit(...events: CartEvent[]): void
  /**
   * The carts this unit of work (one call, one attempt) has locked so far, with the version it set: a call
   * that locks twice bumps each cart once and checks its expected version against the state before the call.
   */
  readonly heldLocks: Map<string, number>
  /**
   * Set when the unit runs straight on a host transaction, with no savepoint of its own: the carts that
   * transaction already holds the lock of. A one-statement write may then write only those carts, so it
   * never waits for a lock, and must report a failed check as "nothing written", never as an error (an
   * error would abort the host's transaction). See {@link UnitOfWork.writeOneStatement}.
   */
  readonly hostHeldCarts?: ReadonlySet<string>
}

/** How long a call may wait, in milliseconds; see `CartModuleOptions.timeouts`. */
export interface Timeouts extends TimeoutBudgets {
  /** How long a write waits for the event bus after commit before logging and returning. */
  readonly eventMs: number
  /** The `lock_timeout` each attempt runs with: how long one attempt holds a connection while it waits for a lock. */
  readonly lockProbeMs: number
}

/** What the unit of work is tuned with. */
export interface UnitOfWorkOptions {
  readonly maxRetries: number
  readonly timeouts: Timeouts
}

/**
 * Runs each public call as one atomic unit: joins or opens a transaction, retries, publishes events
 * after commit, and bounds every wait.
 *
 * Lock waits are bounded without starving the pool: each attempt runs with a short `lock_timeout`
 * (`lockProbeMs`, set on every connection), and when it expires the attempt rolls back, returns
 * its connection and retries after a pause, until `timeouts.lockMs` is spent. A caller queued on a
 * busy cart so holds a pooled connection for at most one probe at a time, and callers on other
 * carts always get one.
 */
export class UnitOfWork {
  private readonly logger: LoggerPort
  private readonly hostEvents: HostEventBuffers
  private readonly hostJoins = new HostJoins()
  private readonly events: EventPublisher
  private readonly inFlight = new Set<Promise<unknown>>()
  private closed = false

  constructor(
    private readonly knex: Knex,
    eventBus: EventBusPort,
    logger: LoggerPort,
    private readonly options: UnitOfWorkOptions,
  ) {
    this.logger = safeLogger(logger)
    this.events = new EventPublisher(eventBus, this.logger, options.timeouts.eventMs)
    this.hostEvents = new HostEventBuffers((events) => this.events.publish(events))
  }

  /** Runs a read: on the host's transaction when there is one, else straight on the pool (one statement, no BEGIN). */
  read<T>(ctx: CartContext | undefined, work: (db: Db) => Promise<T>): Promise<T> {
    return this.track(() => this.withLockRetries(() => work(hostTransaction(ctx) ?? this.knex)))
  }

  /** Runs a write atomically. */
  write<T>(ctx: CartContext | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.track(() => this.writeNow(ctx ?? {}, work))
  }

  /**
   * Runs a write that is ONE statement (persistence/single-statement.ts) with no transaction of its own:
   * a single statement is atomic, so no BEGIN/COMMIT. Retries and bounded lock waits as {@link write}.
   * Resolves to `undefined`, having written nothing, when `work` resolves to `undefined` (its statement
   * wrote nothing), and the caller then takes the general path.
   *
   * Joined to a host transaction, it resolves to `undefined` at once (the general path runs, in a
   * savepoint), unless `onHeldCarts` says that `work` writes only carts in `tx.hostHeldCarts` (a
   * single-statement.ts write given those carts as `LockChecks.heldCarts`) and that transaction holds the
   * lock of some cart (a joined call such as `lockCart` took it): then the statement runs straight on it,
   * without the savepoint the general path takes. The
   * savepoint is there for two things, and neither applies: a lock wait that outlives its probe must be
   * rolled back and retried (a held lock is never waited for), and a failing call must not abort the
   * host's transaction (the statement reports a failed check by returning no rows; only an unexpected
   * error can still abort it, as any statement of the host's own would).
   */
  writeOneStatement<T>(
    ctx: CartContext | undefined,
    work: (tx: Tx) => Promise<T | undefined>,
    onHeldCarts = false,
  ): Promise<{ readonly value: T } | undefined> {
    const context = ctx ?? {}
    const host = hostTransaction(context)
    if (host) return onHeldCarts ? this.writeOnHeldCarts(host, context, work) : Promise.resolve(undefined)
    return this.track(async () => {
      let events: CartEvent[] = []
      const value = await this.withLockRetries(() => {
        events = []
        return work(this.tx(this.knex, context, events))
      }, this.options.maxRetries)
      if (value === undefined) return undefined
      await this.events.publish(events)
      return { value }
    })
  }

  /**
   * Opens a transaction a host can pass to several calls as `{ transactionManager }` (a
   * {@link PooledTransaction}); the events of those calls are published after its COMMIT.
   */
  transaction<T>(work: (ctx: CartContext) => Promise<T>): Promise<T> {
    return this.track(async () => {
      let thrownByWork: unknown = undefined
      let committed: readonly CartEvent[] = []
      let result: T
      try {
        result = await PooledTransaction.run(this.knex, async (trx) => {
          committed = trx.afterCommit
          try {
            return await work({ transactionManager: trx })
          } catch (error) {
            thrownByWork = error
            throw error
          }
        })
      } catch (error) {
        // What the host's own work threw is the host's to see as thrown; failures of the transaction
        // itself (BEGIN, COMMIT, a dropped connection) are mapped to typed errors.
        throw error === thrownByWork ? error : this.map(error)
      }
      await this.events.publish(committed)
      return result
    })
  }

  /**
   * Publishes `events` after the transaction `ctx` joins commits (dropped if it rolls back), or at
   * once when `ctx` carries no transaction. Writes nothing, so it costs no statement.
   */
  emitAfterCommit(ctx: CartContext | undefined, events: readonly CartEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve()
    return this.track(async () => {
      const host = hostTransaction(ctx)
      if (host) this.hostEvents.add(host, events)
      else await this.events.publish(events)
    })
  }

  /** Refuses new calls, then waits for the calls in flight to finish (whatever their outcome). */
  async close(): Promise<void> {
    this.closed = true
    await Promise.allSettled([...this.inFlight])
  }

  private track<T>(run: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(UnexpectedStateError.closed())
    const call = run()
    this.inFlight.add(call)
    const forget = () => void this.inFlight.delete(call)
    call.then(forget, forget)
    return call
  }

  private async writeNow<T>(context: CartContext, work: (tx: Tx) => Promise<T>): Promise<T> {
    const host = hostTransaction(context)
    if (host) return this.inHostTransaction(host, context, work)
    let events: CartEvent[] = []
    const result = await this.withLockRetries(() => {
      events = []
      return PooledTransaction.run(this.knex, (trx) => work(this.tx(trx, context, events)))
    }, this.options.maxRetries)
    // Committed: from here on nothing may turn the call into a failure.
    await this.events.publish(events)
    return result
  }

  /**
   * Re-runs `attempt` after a serialization failure or deadlock, up to `retries` times in a row, and
   * after a lock probe expired, until `timeouts.lockMs` is spent (each such round may again retry
   * `retries` times); maps every failure. One loop for both, so a write awaits one retry layer, not two.
   */
  private async withLockRetries<T>(attempt: () => Promise<T>, retries = 0): Promise<T> {
    const deadline = Date.now() + this.options.timeouts.lockMs
    let round = 0
    let retried = 0
    for (;;) {
      try {
        return await attempt()
      } catch (error) {
        if (isRetryable(error) && retried < retries) {
          await pause(backoff(retried++))
          // A module closed during the pause stops retrying, as after a lock probe.
          if (this.closed) throw UnexpectedStateError.closed()
          continue
        }
        if (!isLockTimeout(error) || Date.now() >= deadline) throw this.map(error)
        await pause(Math.min(backoff(round++), Math.max(0, deadline - Date.now())))
        retried = 0
        if (this.closed) throw UnexpectedStateError.closed()
      }
    }
  }

  private map(error: unknown): unknown {
    return mapDriverError(error, this.logger, this.options.timeouts)
  }

  private inHostTransaction<T>(host: HostTransaction, ctx: CartContext, work: (tx: Tx) => Promise<T>): Promise<T> {
    // Before any statement runs: a knex transaction's COMMIT or ROLLBACK is heard only by a listener already there.
    this.hostEvents.watch(host)
    let events: CartEvent[] = []
    let held: ReadonlyMap<string, number> = new Map()
    // A savepoint per joined call keeps the call atomic: a host that catches its error and commits
    // does not commit its half-done writes, nor its events, which are buffered only once the savepoint is released.
    const once = () => {
      events = []
      const tx = this.tx(host, ctx, events)
      held = tx.heldLocks
      return asJoinedCall(host, () => work(tx))
    }
    return this.hostJoins.queue(host, async () => {
      const result = await this.withLockRetries(once)
      this.hostJoins.hold(host, held.keys())
      this.hostEvents.add(host, events)
      return result
    })
  }

  /** The one-statement write joined to a host transaction; see {@link writeOneStatement}. */
  private writeOnHeldCarts<T>(
    host: HostTransaction,
    ctx: CartContext,
    work: (tx: Tx) => Promise<T | undefined>,
  ): Promise<{ readonly value: T } | undefined> {
    const heldCarts = this.hostJoins.heldCarts(host)
    if (heldCarts === undefined) return Promise.resolve(undefined)
    return this.track(() => {
      this.hostEvents.watch(host)
      return this.hostJoins.queue(host, async () => {
        const events: CartEvent[] = []
        const tx = { ...this.tx(host, ctx, events), hostHeldCarts: heldCarts }
        // No retry: a retryable failure (a deadlock) has already aborted the host's transaction.
        const value = await work(tx).catch((error: unknown) => Promise.reject(this.map(error)))
        if (value === undefined) return undefined
        this.hostEvents.add(host, events)
        return { value }
      })
    })
  }

  private tx(db: Db, ctx: CartContext, events: CartEvent[]): Tx {
    return { db, ctx, emit: (...added) => void events.push(...added), heldLocks: new Map() }
  }
}

function backoff(attempt: number): number {
  // Jittered so retrying writers on one cart do not collide again in lockstep; capped so a waiter
  // polls a busy cart every few tens of milliseconds at most.
  return Math.random() * Math.min(50, 5 * 2 ** attempt)
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
