import type { Knex } from "@mikro-orm/postgresql"
import { UnexpectedStateError } from "../errors/errors"
import { ENDED, knexClient, observed, onConnection } from "./pg-connection"
import type { PgClient } from "./pg-connection"
import { PooledTransaction } from "./pooled-transaction"
import { preparedName, statementText } from "./statement-text"
import type { StatementText } from "./statement-text"

/** A connection the persistence layer can run SQL on: the pool, a host's knex transaction, or one of cartwright's own. */
export type Db = Knex | Knex.Transaction | PooledTransaction

/** Runs one parameterised statement (`?` placeholders) and returns its rows. */
export async function query<Row = Record<string, unknown>>(db: Db, sql: string, bindings: readonly unknown[] = []): Promise<Row[]> {
  return send<Row>(db, statementText(sql), bindings)
}

/** Sends a statement on `db`, whichever kind it is. */
function send<Row>(db: Db, text: StatementText, bindings: readonly unknown[], name?: string): Promise<Row[]> {
  if (db instanceof PooledTransaction) return db.send<Row>(text, bindings, name)
  return isTransaction(db) ? inTransaction<Row>(db, text, bindings, name) : onPooledConnection<Row>(db, text, bindings, name)
}

/** Knex marks a transaction's knex object with `isTransaction`, as it does to tell one from the pool. */
function isTransaction(db: Knex | Knex.Transaction): db is Knex.Transaction {
  return db.isTransaction === true
}

/** The knex client behind `db`, whose pool lends its connections. */
function clientOf(db: Db): PgClient {
  return db instanceof PooledTransaction ? db.client : knexClient(db)
}

/**
 * Runs a statement outside any transaction on a connection of the pool. Listeners of knex's events
 * (cartwright's `logSql`, a host's query log or metrics) hear it as one of knex's own.
 */
async function onPooledConnection<Row>(knex: Knex, text: StatementText, bindings: readonly unknown[], name?: string): Promise<Row[]> {
  const client = clientOf(knex)
  const connection = await client.acquireConnection()
  try {
    // The connection may still carry the id of the last knex transaction it ran; this statement runs in none.
    return (await onConnection<Row>(connection, text, bindings, name, observed(knex) ? knex : undefined, undefined)).rows
  } finally {
    await client.releaseConnection(connection)
  }
}

/**
 * Runs a statement on the connection of a transaction (ours or a host's, from any copy of knex): a
 * transaction's client lends that one connection and forwards the statement's events to the
 * transaction, its parents and knex, as for a statement knex sent itself. As knex does, it refuses a
 * transaction that has ended, rather than run the statement outside it.
 */
async function inTransaction<Row>(trx: Knex.Transaction, text: StatementText, bindings: readonly unknown[], name?: string): Promise<Row[]> {
  if (trx.isCompleted()) throw UnexpectedStateError.because(ENDED)
  const client = clientOf(trx)
  const connection = await client.acquireConnection()
  return (await onConnection<Row>(connection, text, bindings, name, client, connection.__knexTxId)).rows
}

// Knex clients (shared by a pool and its transactions) whose module was configured without prepared statements.
const unpreparedClients = new WeakSet<PgClient>()

/** Makes {@link preparedQuery} run unprepared on this connection pool and its transactions (`database.preparedStatements: false`). */
export function disablePreparedStatements(knex: Knex): void {
  unpreparedClients.add(clientOf(knex))
}

/**
 * {@link query} as a named prepared statement: each connection parses and plans it once, then only
 * binds and executes it. Our reads and one-statement writes are long CTEs whose planning took twice
 * as long as their execution on a small cart. The name is a hash of the text, so one name never
 * stands for two texts (which the driver refuses).
 */
export async function preparedQuery<Row = Record<string, unknown>>(db: Db, sql: string, bindings: readonly unknown[] = []): Promise<Row[]> {
  const text = statementText(sql)
  const name = unpreparedClients.has(clientOf(db)) ? undefined : preparedName(sql, text)
  return send<Row>(db, text, bindings, name)
}

/** Double-quotes an identifier that is already known to be a model column or table. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/**
 * `?, ?, ?` for n values; callers never pass n = 0 (they short-circuit to `false`). Keep n small:
 * PostgreSQL takes at most 65,535 parameters per statement, so id lists travel as one array (`= ANY(?)`).
 */
export function placeholders(count: number): string {
  return new Array<string>(count).fill("?").join(", ")
}
