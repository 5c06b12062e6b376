import type { Knex } from "@mikro-orm/postgresql"
import type { StatementText } from "./statement-text"

/**
 * What a statement returns through `pg`: its rows, whose type is the caller's to state (as `pg`'s own
 * `QueryResult<R>` and knex's `raw<R>` have it), since only the SQL text decides their columns.
 */
export interface PgResult<Row> {
  readonly rows: Row[]
  /** The command tag PostgreSQL answered with: `COMMIT` answers `ROLLBACK` when the transaction had failed. */
  readonly command?: string
}

/** The part of a `pg` connection (what knex's pool hands out) that runs a statement. */
export interface PgConnection {
  /** The id knex gives each connection of its pool, which its query events carry. */
  readonly __knexUid?: string
  /** The id of the transaction knex runs on this connection, if any. */
  readonly __knexTxId?: string
  query<Row>(config: { readonly text: string; readonly values: readonly unknown[]; readonly name?: string }): Promise<PgResult<Row>>
}

/** The part of knex's `pg` client that lends connections of its pool. */
export interface PgClient {
  acquireConnection(): Promise<PgConnection>
  releaseConnection(connection: PgConnection): Promise<unknown>
  /** Knex clients are event emitters; a transaction's client forwards what it hears to its parents and knex. */
  emit(event: string, ...args: unknown[]): boolean
}

/**
 * The knex client behind `db`. Knex declares `client` as `any`; with the `pg` dialect (the only one
 * cartwright runs on) it is knex's `Client_PG`, whose pool lends `pg` connections. The one assertion of
 * the driver's shape, so the rest of the persistence layer is typed.
 */
export function knexClient(db: Knex | Knex.Transaction): PgClient {
  return db.client as PgClient
}

/**
 * What knex's `query`, `query-response` and `query-error` events carry for one of its own raw queries
 * (knex/lib/execution/internal/query-executioner.js): the statement as sent (`$n` placeholders), its
 * bindings, the prepared statement's name, the connection's, the transaction's and the statement's ids.
 */
export interface StatementEvent {
  readonly method: "raw"
  readonly sql: string
  readonly bindings: readonly unknown[]
  readonly options: { readonly name?: string }
  readonly __knexUid: string | undefined
  /** The transaction's id (knex's `trxN`), undefined for a statement on a pooled connection. */
  readonly __knexTxId: string | undefined
  /** Ties a statement's `query` event to its `query-response` or `query-error`. */
  readonly __knexQueryUid: string
}

/** Where a statement's events go: knex itself for the pool, the transaction's client (which forwards them) in a transaction. */
export interface EventTarget {
  emit(event: string, ...args: unknown[]): boolean
}

let statementCount = 0

/** Why a statement on a transaction that has ended is refused. */
export const ENDED = "The transaction this call was given has already ended"

/** Whether anyone listens to knex's query events; otherwise a pooled statement builds no event at all. */
export function observed(knex: Knex): boolean {
  return knex.listenerCount("query") + knex.listenerCount("query-response") + knex.listenerCount("query-error") > 0
}

/**
 * Runs a statement on a connection knex lent us and returns the driver's result, straight through the
 * driver: the statement is one round trip either way, and skipping knex's query builder, formatter and
 * runner for it saves a large share of a write's CPU. `events` hears it as knex would report its own raw query: `query` once a connection is
 * held, then `query-response` with the driver's result or `query-error` with the driver's error.
 */
export async function onConnection<Row>(
  connection: PgConnection,
  text: StatementText,
  bindings: readonly unknown[],
  name: string | undefined,
  events: EventTarget | undefined,
  transactionId: string | undefined,
): Promise<PgResult<Row>> {
  const config = { text: text.positional, values: bindings }
  const event: StatementEvent | undefined = events && {
    method: "raw",
    sql: config.text,
    bindings,
    options: name ? { name } : {},
    __knexUid: connection.__knexUid,
    __knexTxId: transactionId,
    __knexQueryUid: `cartwright_${++statementCount}`,
  }
  let result: PgResult<Row>
  try {
    if (event) events?.emit("query", event)
    result = await connection.query<Row>(name ? { ...config, name } : config)
  } catch (error) {
    if (event) events?.emit("query-error", error, event)
    throw error
  }
  if (event) events?.emit("query-response", result, event)
  return result
}
