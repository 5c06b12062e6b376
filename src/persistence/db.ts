import type { Knex } from "@mikro-orm/postgresql"

/** A connection the persistence layer can run SQL on: the pool or an open transaction. */
export type Db = Knex | Knex.Transaction

/** Runs one parameterised statement (`?` placeholders) and returns its rows. */
export async function query<Row = Record<string, unknown>>(
  db: Db,
  sql: string,
  bindings: readonly unknown[] = [],
): Promise<Row[]> {
  const result = (await db.raw(sql, bindings as Knex.RawBinding[])) as { rows: Row[] }
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
