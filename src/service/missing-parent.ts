import { MODELS } from "../../models"
import { InvalidDataError, NotFoundError } from "../errors/errors"
import { cartIsLive } from "../persistence/cart-sql"
import type { Tx } from "../persistence/unit-of-work"
import type { ChildSpec } from "./child-specs"

/** Medusa's words for a parent in "does not exist on cart" messages. */
function parentWords(spec: ChildSpec): "Line item" | "Shipping method" {
  return spec.parent === MODELS.ShippingMethod ? "Shipping method" : "Line item"
}

/**
 * The error `@medusajs/cart` 2.21 raises when a child names a parent that is not there, so callers
 * matching on Medusa's messages keep working:
 * - `(cartId, list)` with a missing cart: the cart retrieve's `Cart with id: … was not found`;
 * - an adjustment whose item or shipping method is not on that cart: `Line item with id … does not exist on cart with id …`;
 * - a tax line whose item or shipping method does not exist, and any call without a cart id:
 *   the foreign-key wording, `You tried to set relationship item_id: …, but such entity does not exist`.
 * Costs one statement, on the error path only.
 */
export async function missingParentError(
  tx: Tx,
  spec: ChildSpec,
  parentId: string,
  cartId: string | undefined,
  index: number,
): Promise<Error> {
  if (cartId === undefined) return NotFoundError.forRelation(spec.parentColumn, parentId)
  if (spec.parent === MODELS.Cart) return NotFoundError.forId("Cart", cartId)
  if (!(await cartIsLive(tx.db, cartId))) return NotFoundError.forId("Cart", cartId)
  // Medusa checks membership for adjustments only; a tax line's missing parent reaches its foreign key.
  if (spec.model.name.endsWith("TaxLine")) return NotFoundError.forRelation(spec.parentColumn, parentId)
  return notOnCartError(spec, parentId, cartId, index)
}

/**
 * A parent that exists but belongs to another cart. Medusa checks this for adjustments only (with
 * the wording below); we check tax lines too, in the same words, as the contract promises cart-scoped writes.
 */
export function notOnCartError(spec: ChildSpec, parentId: string, cartId: string, index: number): InvalidDataError {
  return InvalidDataError.notOnCart(parentWords(spec), parentId, cartId, [index, spec.parentColumn])
}
