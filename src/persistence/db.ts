import { createHash } from "node:crypto"
import type { Knex } from "@mikro-orm/postgresql"

/** A connection the persistence layer can run SQL on: the pool or an open transaction. */
export type Db = Knex | Knex.Transaction

/** Runs one parameterised statement (`?` placeholders) and returns its rows. */
export async function query<Row = Record<string, unknown>>(db: Db, sql: string, bindings: readonly unknown[] = []): Promise<Row[]> {
  const result = (await db.raw(sql, bindings as Knex.RawBinding[])) as { rows: Row[] }
  return result.rows
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
