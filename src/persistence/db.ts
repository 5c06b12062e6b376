import { createHash } from "node:crypto"
import type { Knex } from "@mikro-orm/postgresql"

/** A connection the persistence layer can run SQL on: the pool or an open transaction. */
export type Db = Knex | Knex.Transaction

/** Runs one parameterised statement (`?` placeholders) and returns its rows. */
export async function query<Row = Record<string, unknown>>(db: Db, sql: string, bindings: readonly unknown[] = []): Promise<Row[]> {
  if (!db.isTransaction) return onPooledConnection<Row>(db, statementText(sql), bindings)
  return inTransaction<Row>(db, sql, bindings)
}

/**
 * What a statement returns through `pg`: its rows, whose type is the caller's to state (as `pg`'s own
 * `QueryResult<R>` and knex's `raw<R>` have it), since only the SQL text decides their columns.
 */
interface PgResult<Row> {
  readonly rows: Row[]
}

/** The part of a `pg` connection (what knex's pool hands out) that runs a statement. */
interface PgConnection {
  /** The id knex gives each connection of its pool, which its query events carry. */
  readonly __knexUid?: string
  query<Row>(config: { readonly text: string; readonly values: readonly unknown[]; readonly name?: string }): Promise<PgResult<Row>>
}

/** The part of knex's `pg` client that lends connections of its pool. */
interface PgClient {
  acquireConnection(): Promise<PgConnection>
  releaseConnection(connection: PgConnection): Promise<unknown>
}

/**
 * The knex client behind `db`. Knex declares `client` as `any`; with the `pg` dialect (the only one
 * cartwright runs on) it is knex's `Client_PG`, whose pool lends `pg` connections. The one assertion of
 * the driver's shape, so the rest of this file is typed.
 */
function clientOf(db: Db): PgClient {
  return db.client as PgClient
}

/**
 * A binding as knex's types accept it. Knex checks bindings at run time (and refuses `undefined`), so
 * this only spells out what it accepts; a bigint travels as its exact text, as `pg` would send it.
 */
function rawBinding(value: unknown): Knex.RawBinding {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "object") {
    return value
  }
  if (typeof value === "bigint") return value.toString()
  throw new TypeError(`Undefined or unbindable binding (${typeof value}) in a statement`)
}

/** Runs a statement on a transaction's connection, through knex, which owns that connection. */
async function inTransaction<Row>(db: Db, sql: string, bindings: readonly unknown[], name?: string): Promise<Row[]> {
  const raw = db.raw<PgResult<Row>>(sql, bindings.map(rawBinding))
  const result = await (name ? raw.options({ name }) : raw)
  return result.rows
}

/**
 * What is worked out once per statement text: its `?` placeholders as PostgreSQL's `$1, $2...` (the same
 * rule as knex's: `\\?` stays a `?`) and, once {@link preparedQuery} asks, its prepared statement's name.
 */
interface StatementText {
  readonly positional: string
  /** Undefined until asked for; null when the text runs unprepared (past {@link MAX_PREPARED}). */
  name?: string | null
}

/**
 * How many distinct statements are prepared (per process, so at most this many per connection);
 * past it statements run unprepared. Read and write shapes are few (one per select/relations set,
 * one per write kind and batch size), so the cap is only a guard against a host's open-ended filters.
 */
const MAX_PREPARED = 256

/**
 * Statement texts by SQL, bounded: past the bound a new text is worked out on every call and runs
 * unprepared. Entries are never evicted, so a text keeps its prepared name for the life of the process.
 */
const TEXTS = new Map<string, StatementText>()
const MAX_TEXTS = MAX_PREPARED * 4
let preparedCount = 0

function statementText(sql: string): StatementText {
  let text = TEXTS.get(sql)
  if (text === undefined) {
    let index = 0
    text = { positional: sql.replace(/(\\*)(\?)/g, (_match: string, escapes: string) => (escapes.length % 2 ? "?" : `$${++index}`)) }
    if (TEXTS.size < MAX_TEXTS) TEXTS.set(sql, text)
    else text.name = null
  }
  return text
}

/** The prepared statement's name of `sql` (a hash of the text, so one name never stands for two texts). */
function preparedName(sql: string, text: StatementText): string | undefined {
  if (text.name === undefined) {
    text.name = preparedCount < MAX_PREPARED ? `cartwright_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}` : null
    if (text.name !== null) preparedCount++
  }
  return text.name ?? undefined
}

/**
 * What knex's `query`, `query-response` and `query-error` events carry for one of its own raw queries
 * (knex/lib/execution/internal/query-executioner.js): the statement as sent (`$n` placeholders), its
 * bindings, the prepared statement's name, the connection's and the statement's ids.
 */
export interface PooledQueryEvent {
  readonly method: "raw"
  readonly sql: string
  readonly bindings: readonly unknown[]
  readonly options: { readonly name?: string }
  readonly __knexUid: string | undefined
  /** Always undefined: a pooled statement runs outside any transaction. */
  readonly __knexTxId: undefined
  /** Ties a statement's `query` event to its `query-response` or `query-error`. */
  readonly __knexQueryUid: string
}

let pooledStatements = 0

/** Whether anyone listens to knex's query events; otherwise a statement builds no event at all. */
function observed(knex: Knex): boolean {
  return knex.listenerCount("query") + knex.listenerCount("query-response") + knex.listenerCount("query-error") > 0
}

/**
 * Runs a statement outside any transaction on a connection of the pool, straight through the driver: the
 * statement is one round trip either way, and skipping knex's query builder, formatter and runner for it
 * saves a large share of a write's CPU. Inside a transaction (ours or a host's) statements go through knex,
 * which owns the transaction's connection.
 *
 * Listeners of knex's events (cartwright's `logSql`, a host's query log or metrics) still hear every
 * statement as knex would report its own raw query: `query` once a connection is held, then
 * `query-response` with the driver's result or `query-error` with the driver's error.
 */
async function onPooledConnection<Row>(knex: Knex, text: StatementText, bindings: readonly unknown[], name?: string): Promise<Row[]> {
  const client = clientOf(knex)
  const connection = await client.acquireConnection()
  const config = { text: text.positional, values: bindings }
  const event: PooledQueryEvent | undefined = observed(knex)
    ? {
        method: "raw",
        sql: config.text,
        bindings,
        options: name ? { name } : {},
        __knexUid: connection.__knexUid,
        __knexTxId: undefined,
        __knexQueryUid: `cartwright_${++pooledStatements}`,
      }
    : undefined
  let result: PgResult<Row>
  try {
    if (event) knex.emit("query", event)
    result = await connection.query<Row>(name ? { ...config, name } : config)
  } catch (error) {
    if (event) knex.emit("query-error", error, event)
    throw error
  } finally {
    await client.releaseConnection(connection)
  }
  if (event) knex.emit("query-response", result, event)
  return result.rows
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
  if (!db.isTransaction) return onPooledConnection<Row>(db, text, bindings, name)
  return inTransaction<Row>(db, sql, bindings, name)
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
