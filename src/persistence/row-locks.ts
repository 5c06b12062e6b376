import type { Model } from "../../models"
import { lockCartsOf } from "./cart-lock"
import type { LockedParent } from "./cart-lock"
import { compileFilters } from "./filters"
import type { FilterSql, Filters } from "./filters"
import type { Tx } from "./unit-of-work"

/** Locks the carts owning the live `model` rows that match `filters`; see {@link lockCartsOf}. */
export function lockCartsOfMatching(tx: Tx, model: Model, filters: Filters): Promise<Map<string, LockedParent>> {
  const compiled: FilterSql = { bindings: [], aliasCount: 0 }
  const sql = compileFilters(model, filters, "p", compiled)
  return lockCartsOf(tx, model, { sql, bindings: compiled.bindings })
}
