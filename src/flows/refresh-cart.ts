import type { CartDTO } from "../types/dtos"
import { retrieveFullCart } from "./cart-state"
import type { FlowDeps } from "./flow-deps"
import { paymentSessionsOf, refreshPaymentSessions } from "./payment-sessions"
import { promotionCodesOf, refreshPromotionsStep } from "./promotions"
import { refreshTaxes } from "./refresh-taxes"

/**
 * Brings what depends on the cart's contents up to date after they changed: promotions are
 * re-applied when codes are set, taxes recalculated when the cart had any, and payment sessions
 * re-priced when there are some. Hosts call it after item, shipping or region changes.
 */
export async function refreshCart(deps: Pick<FlowDeps, "cart" | "promotions" | "tax" | "payment" | "regions">, cartId: string): Promise<CartDTO> {
  let cart = await retrieveFullCart(deps.cart, cartId)
  if (cart.completed_at) return cart
  if (promotionCodesOf(cart).length) cart = (await refreshPromotionsStep.invoke(deps, { cart_id: cartId, codes: [] })).output
  const taxed = (cart.items ?? []).some((item) => item.tax_lines?.length) || (cart.shipping_methods ?? []).some((method) => method.tax_lines?.length)
  if (taxed) cart = await refreshTaxes(deps, { cart_id: cartId })
  if (paymentSessionsOf(cart).length) cart = await refreshPaymentSessions(deps, { cart_id: cartId })
  return cart
}
