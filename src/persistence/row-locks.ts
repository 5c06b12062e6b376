import type { Model } from "../../models"
import { lockCartsOf } from "./cart-lock"
import type { LockedParent } from "./cart-lock"
import { compileFilters } from "./filters"
import type { FilterSql, Filters } from "./filters"
import type { Tx } from "./unit-of-work"

/** Which rows a lock may see and which carts it may still change. */
export interface RowLockOptions {
  /** Soft-deleted rows are locked too (a hard delete or a restore targets them). */
  readonly includeDeleted?: boolean
  /** A completed cart is not refused (addresses: SPEC §5 does not list them). */
  readonly allowCompleted?: boolean
}

/** Locks the carts owning the `model` rows with these ids (the cart model: the carts themselves); see {@link lockCartsOf}. */
export function lockCartsOfRows(
  tx: Tx,
  model: Model,
  ids: readonly string[],
  { includeDeleted = false, allowCompleted = false }: RowLockOptions = {},
): Promise<Map<string, LockedParent>> {
  return lockCartsOf(tx, model, { sql: "p.id = ANY(?::text[])", bindings: [ids] }, includeDeleted, allowCompleted)
}

/** Locks the carts owning the live `model` rows that match `filters`; see {@link lockCartsOf}. */
export function lockCartsOfMatching(tx: Tx, model: Model, filters: Filters): Promise<Map<string, LockedParent>> {
  const compiled: FilterSql = { bindings: [], aliasCount: 0 }
  const sql = compileFilters(model, filters, "p", compiled)
  return lockCartsOf(tx, model, { sql, bindings: compiled.bindings })
}
