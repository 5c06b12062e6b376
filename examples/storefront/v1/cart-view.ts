import { retrieveFullCart } from "../../../src/flows/cart-state"
import type { FlowDeps } from "../../../src/flows/flow-deps"
import type { CartDTO } from "../../../src/types/dtos"
import type { CartView, DiscountView, GiftCardView, SessionView } from "./v1-cart"

/** What reading a cart's v1 view needs. */
export type ViewDeps = Pick<FlowDeps, "cart" | "regions">

// Keys the flows keep beside the cart; v1 shows them as their own fields, never as metadata.
const CHECKOUT_KEYS = ["payment_sessions", "promotion_codes", "completion"] as const

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** The cart's payment sessions as the flows keep them. */
function sessionsOf(cart: CartDTO): SessionView[] {
  const sessions = record(cart.metadata).payment_sessions
  if (!Array.isArray(sessions)) return []
  return sessions.map((entry) => {
    const session = record(entry)
    return {
      id: String(session.id),
      provider_id: String(session.provider_id),
      amount: typeof session.amount === "number" || typeof session.amount === "string" ? session.amount : 0,
      status: String(session.status),
      data: record(session.data),
      is_selected: session.is_selected === true,
    }
  })
}

/** The applied codes, each with the kind of discount its adjustments show. */
function discountsOf(cart: CartDTO): DiscountView[] {
  const codes = record(cart.metadata).promotion_codes
  if (!Array.isArray(codes)) return []
  return codes
    .filter((code): code is string => typeof code === "string")
    .map((code) => {
      const same = (adjustment: { code?: string | null }) => adjustment.code?.toLowerCase() === code.toLowerCase()
      const onItems = (cart.items ?? []).flatMap((item) => item.adjustments ?? []).filter(same)
      const onShipping = (cart.shipping_methods ?? []).flatMap((method) => method.adjustments ?? []).filter(same)
      const first = onItems[0] ?? onShipping[0]
      const percent = /(\d+(?:\.\d+)?)\s*%/.exec(first?.description ?? "")
      const type = onItems.length === 0 && onShipping.length > 0 ? "free_shipping" : percent ? "percentage" : "fixed"
      return { code, promotion_id: first?.promotion_id ?? null, description: first?.description ?? null, type, value: percent ? Number(percent[1]) : null }
    })
}

/** Gift cards applied as credit lines (`reference: "gift_card"`). */
function giftCardsOf(cart: CartDTO): GiftCardView[] {
  return (cart.credit_lines ?? [])
    .filter((line) => line.reference === "gift_card")
    .map((line) => ({ id: line.reference_id ?? line.id, code: String(record(line.metadata).code ?? line.reference_id ?? line.id), balance: line.raw_amount ?? line.amount, region_id: cart.region_id ?? null }))
}

/** The cart with its own metadata only (what the client wrote). */
function withUserMetadata(cart: CartDTO): CartDTO {
  if (!cart.metadata) return cart
  const metadata = { ...cart.metadata }
  for (const key of CHECKOUT_KEYS) delete metadata[key]
  return { ...cart, metadata }
}

/**
 * Reads everything a v1 cart shows: the module's cart with relations and totals, its region, and
 * the checkout state the flows keep (sessions, codes, gift cards). The one place that knows where
 * that state lives. @throws NotFoundError
 */
export async function loadCartView(deps: ViewDeps, cartId: string, loaded?: CartDTO): Promise<CartView> {
  const cart = loaded ?? (await retrieveFullCart(deps.cart, cartId))
  const region = cart.region_id ? await deps.regions.retrieveRegion(cart.region_id) : null
  return { cart: withUserMetadata(cart), region, sessions: sessionsOf(cart), discounts: discountsOf(cart), giftCards: giftCardsOf(cart) }
}
