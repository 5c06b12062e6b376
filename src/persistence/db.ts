import { createHash } from "node:crypto"
import type { Knex } from "@mikro-orm/postgresql"

/** A connection the persistence layer can run SQL on: the pool or an open transaction. */
export type Db = Knex | Knex.Transaction

/** Runs one parameterised statement (`?` placeholders) and returns its rows. */
export async function query<Row = Record<string, unknown>>(db: Db, sql: string, bindings: readonly unknown[] = []): Promise<Row[]> {
  if (!db.isTransaction) return onPooledConnection<Row>(db, sql, bindings)
  const result = (await db.raw(sql, bindings as Knex.RawBinding[])) as { rows: Row[] }
  return result.rows
}

/** The part of a `pg` connection (what knex's pool hands out) that runs a statement. */
interface PgConnection {
  query(config: { readonly text: string; readonly values: readonly unknown[]; readonly name?: string }): Promise<{ rows: unknown[] }>
}

/** `?` placeholders as PostgreSQL's `$1, $2...`, by statement text (the same rule as knex's: `\\?` stays a `?`). */
const positional = new Map<string, string>()

function positionalText(sql: string): string {
  let text = positional.get(sql)
  if (text === undefined) {
    let index = 0
    text = sql.replace(/(\\*)(\?)/g, (_match: string, escapes: string) => (escapes.length % 2 ? "?" : `$${++index}`))
    if (positional.size < MAX_PREPARED * 4) positional.set(sql, text)
  }
  return text
}

/**
 * Runs a statement outside any transaction on a connection of the pool, straight through the driver: the
 * statement is one round trip either way, and skipping knex's query builder, formatter and runner for it
 * saves a large share of a write's CPU. Inside a transaction (ours or a host's) statements go through knex,
 * which owns the transaction's connection.
 */
async function onPooledConnection<Row>(knex: Knex, sql: string, bindings: readonly unknown[], name?: string): Promise<Row[]> {
  const client = knex.client as {
    acquireConnection(): Promise<PgConnection>
    releaseConnection(connection: PgConnection): Promise<unknown>
  }
  // Listeners of knex's query event (cartwright's `logSql`, a host's query log) still see every statement.
  if (knex.listenerCount("query") > 0) knex.emit("query", { method: "raw", sql, bindings, ...(name ? { options: { name } } : {}) })
  const connection = await client.acquireConnection()
  try {
    const config = { text: positionalText(sql), values: bindings }
    const result = await connection.query(name ? { ...config, name } : config)
    return result.rows as Row[]
  } finally {
    await client.releaseConnection(connection)
  }
}

/**
 * How many distinct statements are prepared (per process, so at most this many per connection);
 * past it statements run unprepared. Read and write shapes are few (one per select/relations set,
 * one per write kind and batch size), so the cap is only a guard against a host's open-ended filters.
 */
const MAX_PREPARED = 256
const preparedNames = new Map<string, string>()

function preparedName(sql: string): string | undefined {
  let name = preparedNames.get(sql)
  if (name === undefined && preparedNames.size < MAX_PREPARED) {
    name = `cartwright_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`
    preparedNames.set(sql, name)
  }
  return name
}

// Knex clients (shared by a pool and its transactions) whose module was configured without prepared statements.
const unpreparedClients = new WeakSet<object>()

/** Makes {@link preparedQuery} run unprepared on this connection pool and its transactions (`database.preparedStatements: false`). */
export function disablePreparedStatements(knex: Knex): void {
  unpreparedClients.add(knex.client as object)
}

/**
 * {@link query} as a named prepared statement: each connection parses and plans it once, then only
 * binds and executes it. Our reads and one-statement writes are long CTEs whose planning took twice
 * as long as their execution on a small cart. The name is a hash of the text, so one name never
 * stands for two texts (which the driver refuses).
 */
export async function preparedQuery<Row = Record<string, unknown>>(db: Db, sql: string, bindings: readonly unknown[] = []): Promise<Row[]> {
  const name = unpreparedClients.has(db.client as object) ? undefined : preparedName(sql)
  if (!db.isTransaction) return onPooledConnection<Row>(db, sql, bindings, name)
  const raw = db.raw(sql, bindings as Knex.RawBinding[])
  const result = (await (name ? raw.options({ name }) : raw)) as { rows: Row[] }
  return result.rows
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
