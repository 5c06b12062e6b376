import { retrieveFullCart } from "../../../src/flows/cart-state"
import type { FlowDeps } from "../../../src/flows/flow-deps"
import { GIFT_CARD_REFERENCE } from "../../../src/flows/gift-card-totals"
import { paymentSessionsOf } from "../../../src/flows/payment-sessions"
import { promotionCodesOf } from "../../../src/flows/promotions"
import type { CartDTO } from "../../../src/types/dtos"
import type { CartView, DiscountView, GiftCardView } from "./v1-cart"

/** What reading a cart's v1 view needs. */
export type ViewDeps = Pick<FlowDeps, "cart" | "regions" | "payment">

/** The applied codes, each with the kind of discount its adjustments show. */
function discountsOf(cart: CartDTO, codes: readonly string[]): DiscountView[] {
  return codes.map((code) => {
    const same = (adjustment: { code?: string | null }) => adjustment.code?.toLowerCase() === code.toLowerCase()
    const onItems = (cart.items ?? []).flatMap((item) => item.adjustments ?? []).filter(same)
    const onShipping = (cart.shipping_methods ?? []).flatMap((method) => method.adjustments ?? []).filter(same)
    const first = onItems[0] ?? onShipping[0]
    const percent = /(\d+(?:\.\d+)?)\s*%/.exec(first?.description ?? "")
    const type = onItems.length === 0 && onShipping.length > 0 ? "free_shipping" : percent ? "percentage" : "fixed"
    return {
      code,
      promotion_id: first?.promotion_id ?? null,
      description: first?.description ?? null,
      type,
      value: percent ? Number(percent[1]) : null,
    }
  })
}

/** Gift cards applied as credit lines (`reference: "gift_card"`, `reference_id`: the card's code). */
function giftCardsOf(cart: CartDTO): GiftCardView[] {
  return (cart.credit_lines ?? [])
    .filter((line) => line.reference === GIFT_CARD_REFERENCE)
    .map((line) => ({
      id: line.id,
      code: line.reference_id ?? line.id,
      balance: line.raw_amount ?? line.amount,
      region_id: cart.region_id ?? null,
    }))
}

/**
 * Reads everything a v1 cart shows: the module's cart with relations and totals, its region, the
 * payment sessions (from the payment port), the applied codes (module-owned checkout state) and the
 * gift cards (credit lines). The one place that knows where that state lives. @throws NotFoundError
 */
export async function loadCartView(deps: ViewDeps, cartId: string, loaded?: CartDTO): Promise<CartView> {
  const cart = loaded ?? (await retrieveFullCart(deps.cart, cartId))
  const [region, sessions, codes] = await Promise.all([
    cart.region_id ? deps.regions.retrieveRegion(cart.region_id) : null,
    paymentSessionsOf(deps, cartId),
    promotionCodesOf(deps, cartId),
  ])
  return { cart, region, sessions, discounts: discountsOf(cart, codes), giftCards: giftCardsOf(cart) }
}
