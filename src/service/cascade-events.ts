import type { Model } from "../../models"
import { cartEvent, EventEntity } from "../events/cart-events"
import type { SoftDeleted } from "../persistence/soft-delete-sql"
import { hasOwn } from "../persistence/own-keys"
import type { Tx } from "../persistence/unit-of-work"

/**
 * Emits `deleted` for every row a soft delete hid along with the rows it was asked for (a cart's items,
 * their adjustments and tax lines, its shipping methods, addresses and credit lines; an item's
 * adjustments and tax lines), as `@medusajs/cart` announces each cascaded row. The caller emits the
 * events of the rows it was asked for. A restore announces only those (Medusa announces none).
 */
export function emitCascadedDeletes(tx: Tx, removed: SoftDeleted, root: Model): void {
  for (const [model, ids] of removed.ids) {
    if (model === root || !hasOwn(EventEntity, model.name)) continue
    const entity = model.name
    tx.emit(...ids.map((id) => cartEvent(entity, "deleted", { id, cart_id: removed.cartOf.get(id) ?? null }, tx.ctx.eventGroupId)))
  }
}
