import type { Model } from "../../models"
import { lockCartsOf, lockParents } from "./cart-lock"
import type { LockedParent, RowLockOptions } from "./cart-lock"
import { compileFilters } from "./filters"
import type { FilterSql, Filters } from "./filters"
import type { Tx } from "./unit-of-work"

export type { RowLockOptions } from "./cart-lock"

/**
 * The locked rows of {@link lockParents}, without the missing ids.
 * @deprecated Call `lockParents(tx, model, ids, options)` and read `locked`: one lock by ids, one function.
 */
export async function lockCartsOfRows(
  tx: Tx,
  model: Model,
  ids: readonly string[],
  options: RowLockOptions = {},
): Promise<Map<string, LockedParent>> {
  return (await lockParents(tx, model, ids, options)).locked
}

/** Locks the carts owning the live `model` rows that match `filters`; see {@link lockCartsOf}. */
export function lockCartsOfMatching(tx: Tx, model: Model, filters: Filters): Promise<Map<string, LockedParent>> {
  const compiled: FilterSql = { bindings: [], aliasCount: 0 }
  const sql = compileFilters(model, filters, "p", compiled)
  return lockCartsOf(tx, model, { sql, bindings: compiled.bindings })
}
