import { InvalidDataError, NotAllowedError, NotFoundError } from "../errors/errors"
import type { CartContext } from "../persistence/unit-of-work"
import type { CartModuleService } from "../service/cart-module-service"
import type { CartDTO } from "../types/dtos"

/** The relations a storefront shows and the flows reason about. */
export const FULL_CART_RELATIONS = [
  "items",
  "items.tax_lines",
  "items.adjustments",
  "shipping_methods",
  "shipping_methods.tax_lines",
  "shipping_methods.adjustments",
  "shipping_address",
  "billing_address",
  "credit_lines",
] as const

/** The cart with every relation and its totals. @throws NotFoundError */
export function retrieveFullCart(service: CartModuleService, cartId: string, ctx?: CartContext): Promise<CartDTO> {
  return service.retrieveCart(cartId, { relations: [...FULL_CART_RELATIONS] }, ctx)
}

/**
 * Runs `work` in one transaction holding the cart's row lock. An empty update takes the lock
 * (SELECT … FOR UPDATE) and bumps the version, so concurrent flows on one cart run one after another.
 */
export function withCartLock<T>(service: CartModuleService, cartId: string, work: (ctx: CartContext) => Promise<T>): Promise<T> {
  return service.transaction(async (ctx) => {
    await service.updateCarts(cartId, {}, ctx)
    return work(ctx)
  })
}

/** Refuses to change a completed cart. @throws NotAllowedError */
export function assertCartOpen(cart: Pick<CartDTO, "id" | "completed_at">): void {
  if (cart.completed_at) throw NotAllowedError.cartCompleted(cart.id)
}

/** The cart's metadata as a plain object. */
export function metadataOf(cart: Pick<CartDTO, "metadata">): Record<string, unknown> {
  return cart.metadata ?? {}
}

/** The cart total as a number (major units). */
export function cartTotal(cart: Pick<CartDTO, "total">): number {
  return cart.total?.numeric ?? 0
}

/** Checks a line quantity: an integer ≥ `min`. @throws InvalidDataError */
export function assertQuantity(quantity: unknown, min: number, path: (string | number)[] = ["quantity"]): number {
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < min) {
    throw InvalidDataError.because(`quantity must be an integer ≥ ${min}`, path)
  }
  return quantity
}

/** The line item when it belongs to the cart. @throws NotFoundError */
export async function lineOfCart(service: CartModuleService, cartId: string, lineId: string, ctx?: CartContext) {
  const [line] = await service.listLineItems({ id: lineId, cart_id: cartId }, {}, ctx)
  if (!line) throw NotFoundError.forId("LineItem", lineId)
  return line
}
