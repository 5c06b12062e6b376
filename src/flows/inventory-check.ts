import { NotAllowedError } from "../errors/errors"
import type { InventoryPort } from "../ports/inventory"

/** Units of a variant that can be sold (null: not stock-managed), as asked of the inventory port outside the lock. */
export async function availableQuantity(
  inventory: InventoryPort,
  variantId: string,
  salesChannelId: string | null | undefined,
): Promise<number | null> {
  const [entry] = await inventory.availability([variantId], salesChannelId ?? null)
  return entry?.available ?? null
}

/**
 * Refuses a line quantity above what the inventory port said is available.
 * @throws NotAllowedError naming the variant and the available quantity.
 */
export function assertInStock(variantId: string, quantity: number, available: number | null): void {
  if (available !== null && quantity > available) {
    throw NotAllowedError.because(
      `Variant with id "${variantId}" does not have the required inventory: ${Math.max(0, available)} available, ${quantity} requested`,
    )
  }
}
