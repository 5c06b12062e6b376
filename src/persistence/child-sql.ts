import type { Model } from "../../models"
import type { Db } from "./db"
import { ident, query } from "./db"
import { mapRow } from "./row-mapper"
import type { Dto } from "./row-mapper"
import { byIds, chunks, insertValuesSql, updateWhere } from "./writer"

/** An inserted child and whether its parent (line item or shipping method) was live in the INSERT's snapshot. */
export interface InsertedUnderParent {
  readonly row: Dto
  readonly parentLive: boolean
}

/** An inserted row and how many live rows of its kind its cart held before this insert. */
export interface InsertedCounted {
  readonly row: Dto
  readonly rowsBefore: number
}

/** A deleted child and its cart (a type, not an interface, so it passes where any row is taken). */
export type DeletedChild = { readonly id: string; readonly cart_id: string }

/** A cart holding more live rows of a kind than allowed. */
export interface CartOverLimit {
  readonly cart_id: string
  readonly lines: number
}

/** An inserted row and the value of the one extra output column its INSERT computed. */
interface InsertedWithExtra {
  readonly row: Dto
  readonly extra: unknown
}

/**
 * Inserts rows (already column-shaped, ids set) as `insertRows` does, with one extra output column
 * `"name"` (trusted SQL `expression`), which is read apart and never becomes part of the DTO: mapping
 * leaves it out rather than deleting it afterwards, which would turn every row into a slow dictionary object.
 */
async function insertWithExtra(
  db: Db,
  model: Model,
  rows: readonly Record<string, unknown>[],
  name: string,
  expression: string,
): Promise<InsertedWithExtra[]> {
  if (rows.length === 0) return []
  const omitted: ReadonlySet<string> = new Set([name])
  const columns = new Set(rows.flatMap((row) => Object.keys(row))).size
  const out: InsertedWithExtra[] = []
  for (const chunk of chunks(rows, columns)) {
    const bindings: unknown[] = []
    const sql = `${insertValuesSql(model, chunk, bindings)} RETURNING *, ${expression} AS ${ident(name)}`
    for (const row of await query(db, sql, bindings)) out.push({ row: mapRow(model, row, omitted), extra: row[name] })
  }
  return out
}

/**
 * Inserts rows under a parent of `parent` (linked by `parentColumn`) in ONE statement that also reads,
 * in the INSERT's own snapshot, whether each row's parent is still live.
 */
export async function insertUnderLiveParent(
  db: Db,
  model: Model,
  parent: Model,
  parentColumn: string,
  rows: readonly Record<string, unknown>[],
): Promise<InsertedUnderParent[]> {
  const table = ident(model.table)
  const live = `EXISTS (SELECT 1 FROM ${ident(parent.table)} x WHERE x.id = ${table}.${ident(parentColumn)} AND x.deleted_at IS NULL)`
  const created = await insertWithExtra(db, model, rows, "__parent_live", live)
  return created.map(({ row, extra }) => ({ row, parentLive: extra === true }))
}

/** The live rows of the inserted row's cart, counted in the INSERT's own snapshot: before this insert. */
const countBefore = (table: string) =>
  `(SELECT count(*) FROM ${ident(table)} n WHERE n.cart_id = ${ident(table)}.cart_id AND n.deleted_at IS NULL)::int`

/**
 * Inserts and counts in ONE statement. The count runs in the INSERT's snapshot, taken after the cart
 * lock was granted, so it sees every committed row; counting inside the lock statement would not, as
 * a lock that waited keeps the snapshot from before the other writer committed.
 */
export async function insertCountingCartRows(db: Db, model: Model, rows: readonly Record<string, unknown>[]): Promise<InsertedCounted[]> {
  const created = await insertWithExtra(db, model, rows, "__rows_before", countBefore(model.table))
  return created.map(({ row, extra }) => ({ row, rowsBefore: Number(extra) }))
}

/** Updates the live `model` rows with these ids with the same `data`; returns the updated rows. */
export function updateLiveRows(db: Db, model: Model, ids: readonly string[], data: Readonly<Record<string, unknown>>): Promise<Dto[]> {
  return updateWhere(db, model, data, byIds(ids))
}

/** Hard-deletes `model` rows by id (their own children go by foreign-key cascade). */
export function deleteChildRows(db: Db, model: Model, ids: readonly string[]): Promise<DeletedChild[]> {
  return query<DeletedChild>(db, `DELETE FROM ${ident(model.table)} WHERE id = ANY(?::text[]) RETURNING id, cart_id`, [ids])
}

/** Deletes a cart's `model` rows except those in `keep`; returns the ids deleted. */
export function deleteChildrenExcept(db: Db, model: Model, cartId: string, keep: readonly string[]): Promise<{ id: string }[]> {
  const bindings: unknown[] = keep.length ? [cartId, keep] : [cartId]
  const notKept = keep.length ? " AND NOT (id = ANY(?::text[]))" : ""
  return query<{ id: string }>(db, `DELETE FROM ${ident(model.table)} WHERE cart_id = ?${notKept} RETURNING id`, bindings)
}

/** The first (by id) of these carts holding more than `max` live `model` rows, if any. */
export async function firstCartOverLimit(
  db: Db,
  model: Model,
  cartIds: readonly string[],
  max: number,
): Promise<CartOverLimit | undefined> {
  const [over] = await query<CartOverLimit>(
    db,
    `SELECT cart_id, count(*)::int AS lines FROM ${ident(model.table)} WHERE cart_id = ANY(?::text[]) AND deleted_at IS NULL ` +
      `GROUP BY cart_id HAVING count(*) > ? ORDER BY cart_id LIMIT 1`,
    [cartIds, max],
  )
  return over
}
