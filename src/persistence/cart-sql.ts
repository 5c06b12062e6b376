import { MODELS } from "../../models"
import type { Db } from "./db"
import { ident, query } from "./db"
import { compileFilters } from "./filters"
import type { FilterSql, Filters } from "./filters"
import type { Dto } from "./row-mapper"
import { updateWhere } from "./writer"

/** A cart row locked for update, with the version it was at. */
export interface LockedCartVersion {
  readonly id: string
  readonly version: number
}

/**
 * Locks the live carts matching `filters` (`SELECT … FOR UPDATE`, in id order so two writers over
 * overlapping sets queue instead of deadlocking) and returns them with their versions.
 */
export function lockLiveCartsMatching(db: Db, filters: Filters): Promise<LockedCartVersion[]> {
  const compiled: FilterSql = { bindings: [], aliasCount: 0 }
  const condition = compileFilters(MODELS.Cart, filters, "t0", compiled)
  return query<LockedCartVersion>(
    db,
    `SELECT id, version FROM cart t0 WHERE t0.deleted_at IS NULL AND (${condition}) ORDER BY id FOR UPDATE`,
    compiled.bindings,
  )
}

/** Updates the live carts with these ids with `patch`, bumping their `version`; returns the rows it updated. */
export function updateLiveCarts(db: Db, ids: readonly string[], patch: Readonly<Record<string, unknown>>): Promise<Dto[]> {
  return updateWhere(
    db,
    MODELS.Cart,
    { ...patch, version: undefined },
    { sql: "id = ANY(?::text[]) AND deleted_at IS NULL", bindings: [ids] },
    ["version = version + 1"],
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
