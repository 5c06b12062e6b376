import { MODELS } from "../../models"
import type { Db } from "./db"
import { ident, query } from "./db"
import { compileFilters } from "./filters"
import type { FilterSql, Filters } from "./filters"
import type { Dto } from "./row-mapper"
import { updateRowsById, updateWhere } from "./writer"

/** A live cart this transaction locked, with the version its lock set. */
export interface LockedCartVersion {
  readonly id: string
  readonly version: number
}

/**
 * Locks the live carts matching `filters` and bumps their `version` and `updated_at`, in ONE statement.
 * The rows are locked in id order (`SELECT … ORDER BY id FOR UPDATE`) so two writers over overlapping
 * sets queue instead of deadlocking. Returns the carts in id order with their new versions.
 */
export function lockLiveCartsMatching(db: Db, filters: Filters): Promise<LockedCartVersion[]> {
  const compiled: FilterSql = { bindings: [], aliasCount: 0 }
  const condition = compileFilters(MODELS.Cart, filters, "t0", compiled)
  return query<LockedCartVersion>(
    db,
    `WITH c AS (UPDATE cart SET version = version + 1, updated_at = now() WHERE id IN ` +
      `(SELECT t0.id FROM cart t0 WHERE t0.deleted_at IS NULL AND (${condition}) ORDER BY t0.id FOR UPDATE) RETURNING id, version) ` +
      `SELECT id, version FROM c ORDER BY id`,
    compiled.bindings,
  )
}

/** Updates the live carts with these ids with `patch` (their lock bumped `version`); returns the rows it updated. */
export function updateLiveCarts(db: Db, ids: readonly string[], patch: Readonly<Record<string, unknown>>): Promise<Dto[]> {
  return updateWhere(
    db,
    MODELS.Cart,
    { ...patch, version: undefined },
    { sql: "id = ANY(?::text[]) AND deleted_at IS NULL", bindings: [ids] },
  )
}

/**
 * Updates live carts by id, each with its own patch (their lock bumped `version`), in one statement per
 * distinct set of fields rather than one per cart. Returns the updated rows by id.
 */
export function updateLiveCartsEach(
  db: Db,
  updates: readonly { readonly id: string; readonly patch: Readonly<Record<string, unknown>> }[],
): Promise<Map<string, Dto>> {
  return updateRowsById(
    db,
    MODELS.Cart,
    updates.map(({ id, patch }) => ({ id, data: { ...patch, version: undefined } })),
  )
}

/** Hard-deletes carts by id (every child goes by foreign-key cascade); returns the ids deleted. */
export function deleteCartRows(db: Db, ids: readonly string[]): Promise<{ id: string }[]> {
  return query<{ id: string }>(db, `DELETE FROM ${ident("cart")} WHERE id = ANY(?::text[]) RETURNING id`, [ids])
}

/** Whether a live (not soft-deleted) cart has this id. */
export async function cartIsLive(db: Db, cartId: string): Promise<boolean> {
  const rows = await query(db, "SELECT 1 FROM cart WHERE id = ? AND deleted_at IS NULL", [cartId])
  return rows.length > 0
}
