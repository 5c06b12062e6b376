import type { Knex } from "@mikro-orm/postgresql"
import type { CartEvent } from "../events/cart-events"
import type { EventBusPort } from "../ports/event-bus"
import type { LoggerPort } from "../ports/logger"
import type { Db } from "./db"
import { isRetryable, mapDriverError } from "./driver-errors"
import { HostEventBuffers, outermost } from "./host-event-buffers"
import type { KnexTransactor } from "./host-event-buffers"

/**
 * Medusa's `Context` as the module reads it, plus cartwright's own options.
 * Pass `transactionManager` (a MikroORM EntityManager inside `transactional`, or a knex transaction)
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
}

function hostTransaction(ctx: CartContext | undefined): Knex.Transaction | undefined {
  const candidate = (ctx?.transactionManager ?? undefined) as
    | (KnexTransactor & { getTransactionContext?: () => unknown })
    | undefined
  if (!candidate) return undefined
  if (typeof candidate.getTransactionContext === "function") {
    // A MikroORM EntityManager: its transaction context is the knex transaction it runs in.
    const trx = candidate.getTransactionContext() as KnexTransactor | undefined
    return trx?.isTransaction ? (trx as unknown as Knex.Transaction) : undefined
  }
  return candidate.isTransaction ? (candidate as unknown as Knex.Transaction) : undefined
}

/** Runs each public call as one atomic unit: joins or opens a transaction, retries, publishes events after commit. */
export class UnitOfWork {
  private readonly hostEvents = new HostEventBuffers((events) => this.publish(events))
  /** Per host transaction, the tail of the joined calls queued on its one connection. */
  private readonly hostQueues = new WeakMap<object, Promise<unknown>>()

  constructor(
    private readonly knex: Knex,
    private readonly eventBus: EventBusPort,
    private readonly logger: LoggerPort,
    private readonly maxRetries = 5,
  ) {}

  /** Runs a read: on the host's transaction when there is one, else straight on the pool (one statement, no BEGIN). */
  async read<T>(ctx: CartContext | undefined, work: (db: Db) => Promise<T>): Promise<T> {
    try {
      return await work(hostTransaction(ctx) ?? this.knex)
    } catch (error) {
      throw mapDriverError(error)
    }
  }

  /** Runs a write atomically. */
  async write<T>(ctx: CartContext | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
    const context = ctx ?? {}
    const host = hostTransaction(context)
    if (host) return this.inHostTransaction(host, context, work)
    for (let attempt = 0; ; attempt++) {
      const events: CartEvent[] = []
      try {
        const result = await this.knex.transaction((trx) => work(this.tx(trx, context, events)))
        await this.publish(events)
        return result
      } catch (error) {
        if (isRetryable(error) && attempt < this.maxRetries) {
          await backoff(attempt)
          continue
        }
        throw mapDriverError(error)
      }
    }
  }

  /** Opens a transaction a host can pass to several calls as `{ transactionManager }`. */
  async transaction<T>(work: (ctx: CartContext) => Promise<T>): Promise<T> {
    return this.knex.transaction((trx) => work({ transactionManager: trx }))
  }

  private async inHostTransaction<T>(host: Knex.Transaction, ctx: CartContext, work: (tx: Tx) => Promise<T>): Promise<T> {
    // A savepoint per joined call keeps the call atomic: a host that catches its error and commits
    // does not commit its half-done writes (nor, via the event buffers, its events).
    const run = () =>
      host.transaction((savepoint) =>
        work({ db: savepoint, ctx, emit: this.hostEvents.emitterFor(savepoint as unknown as KnexTransactor) }),
      )
    // Joined calls share one connection; concurrent savepoints on it would release each other, so queue them.
    const root = outermost(host as unknown as KnexTransactor)
    const queued = (this.hostQueues.get(root) ?? Promise.resolve()).then(run, run)
    this.hostQueues.set(root, queued.catch(() => undefined))
    try {
      return await queued
    } catch (error) {
      throw mapDriverError(error)
    }
  }

  private tx(db: Db, ctx: CartContext, events: CartEvent[]): Tx {
    return { db, ctx, emit: (...added) => void events.push(...added) }
  }

  private async publish(events: readonly CartEvent[]): Promise<void> {
    if (events.length === 0) return
    try {
      await this.eventBus.emit(events)
    } catch (error) {
      this.logger.error("event bus failed after commit; events lost", { error, count: events.length })
    }
  }
}

function backoff(attempt: number): Promise<void> {
  // Jittered so retrying writers on one cart do not collide again in lockstep.
  const ms = Math.random() * 5 * 2 ** attempt
  return new Promise((resolve) => setTimeout(resolve, ms))
}
