import { MODELS } from "../../../models"
import type { CartModule } from "../../../src/module/create-cart-module"

// The nine model tables (not the module's checkout state): what a cart write may touch.
const TABLES = Object.values(MODELS).map((model) => model.table)

/** Row count and a content hash per cart table: equal snapshots mean nothing was written. */
export type DatabaseSnapshot = Record<string, { rows: number; hash: string }>

/** Reads every cart table in one statement, so a comparison also catches updates (version bumps). */
export async function snapshotDatabase(module: CartModule): Promise<DatabaseSnapshot> {
  const knex = module.orm.em.getKnex()
  const columns = TABLES.map(
    (table) =>
      `(SELECT json_build_object('rows', count(*), 'hash', md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), ''))) FROM "${table}" t) AS "${table}"`,
  )
  const result = (await knex.raw(`SELECT ${columns.join(", ")}`)) as { rows: DatabaseSnapshot[] }
  return result.rows[0]!
}

/** Counts the rows of one table straight from the database (soft-deleted rows included). */
export async function countRows(module: CartModule, table: string, where = "TRUE", bindings: readonly string[] = []): Promise<number> {
  const knex = module.orm.em.getKnex()
  const result = (await knex.raw(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`, [...bindings])) as { rows: { n: number }[] }
  return result.rows[0]!.n
}
