import type { Knex } from "@mikro-orm/postgresql"
import type { CartEvent } from "../events/cart-events"
import { UnexpectedStateError } from "../errors/errors"
import { ENDED, knexClient, observed, onConnection } from "./pg-connection"
import type { PgClient, PgConnection, PgResult } from "./pg-connection"
import { statementText } from "./statement-text"
import type { StatementText } from "./statement-text"

let transactionCount = 0

/** Why a transaction whose COMMIT PostgreSQL answered with ROLLBACK fails. */
const ROLLED_BACK = "The transaction was rolled back: a statement in it failed, so nothing it wrote was kept"

/** The statements that open and end a {@link PooledTransaction}, worked out once. */
const BEGIN = statementText("BEGIN")
const COMMIT = statementText("COMMIT")
const ROLLBACK = statementText("ROLLBACK")
/** Both in one simple-protocol round trip. */
const RESTART = statementText("ROLLBACK; BEGIN")

/**
 * A transaction cartwright opens itself: BEGIN, the statements and COMMIT (or ROLLBACK), sent straight on
 * one connection of knex's pool. A knex transaction builds a transaction object, a client and a knex
 * instance per transaction, which costs three times the CPU of the two round trips it wraps.
 *
 * `service.transaction()` hands one to its work as `transactionManager`: a handle to pass to this
 * module's calls, not a knex transaction (hosts that need their own statements in the same transaction
 * pass a knex transaction or a MikroORM EntityManager of theirs instead).
 */
export class PooledTransaction {
  /** Events of the calls that joined it, published after its COMMIT (see `UnitOfWork.transaction`). */
  readonly afterCommit: CartEvent[] = []
  private ended = false
  /** Statements sent since BEGIN (or the last {@link restart}). */
  private sent = 0

  private constructor(
    private readonly knex: Knex,
    private readonly connection: PgConnection,
    /** Named like knex's `trxN`, so a query log tells the transactions apart. */
    readonly id: string,
  ) {}

  /**
   * Runs `work` in a new transaction: commits when it resolves, rolls back when it throws; either way the
   * connection goes back to the pool and the transaction refuses any later statement.
   */
  static async run<T>(knex: Knex, work: (trx: PooledTransaction) => Promise<T>): Promise<T> {
    const client = knexClient(knex)
    const trx = new PooledTransaction(knex, await client.acquireConnection(), `cartwright_trx${++transactionCount}`)
    try {
      await trx.control(BEGIN)
      let result: T
      try {
        result = await work(trx)
      } catch (error) {
        // A failed ROLLBACK means a lost connection, which knex's pool drops; the work's error is the one to report.
        await trx.end(ROLLBACK).catch(() => undefined)
        throw error
      }
      // PostgreSQL answers the COMMIT of a failed transaction (a statement in it failed and its error was
      // caught) with ROLLBACK and no error: nothing was kept, so the call must not report success.
      if ((await trx.end(COMMIT)).command === "ROLLBACK") throw UnexpectedStateError.because(ROLLED_BACK)
      return result
    } finally {
      trx.ended = true
      await client.releaseConnection(trx.connection)
    }
  }

  /** The knex client whose pool lent the connection. */
  get client(): PgClient {
    return knexClient(this.knex)
  }

  /** True while the transaction is open and has run nothing since BEGIN: it holds no lock and no write yet. */
  get untouched(): boolean {
    return this.sent === 0 && !this.ended
  }

  /** Runs one statement in the transaction; refused once the transaction has ended. */
  async send<Row>(text: StatementText, bindings: readonly unknown[], name?: string): Promise<Row[]> {
    if (this.ended) throw UnexpectedStateError.because(ENDED)
    this.sent++
    return (await onConnection<Row>(this.connection, text, bindings, name, observed(this.knex) ? this.knex : undefined, this.id)).rows
  }

  /** Rolls back everything the transaction did and begins again, in one round trip: it is as BEGIN left it. */
  async restart(): Promise<void> {
    if (this.ended) throw UnexpectedStateError.because(ENDED)
    this.sent = 0
    await this.control(RESTART)
  }

  /** Ends the transaction: nothing sent after this call starts may run on the connection, which another caller gets next. */
  private end(text: StatementText): Promise<PgResult<unknown>> {
    this.ended = true
    return this.control(text)
  }

  /** Sends a statement that begins, restarts or ends the transaction. */
  private control(text: StatementText): Promise<PgResult<unknown>> {
    return onConnection(this.connection, text, [], undefined, observed(this.knex) ? this.knex : undefined, this.id)
  }
}
