import { NotAllowedError, UnexpectedStateError } from "../errors/errors"
import type { OrderSummary } from "../ports/order"
import type { PromotionUsage } from "../ports/promotion"
import type { CartContext } from "../persistence/unit-of-work"
import type { CartDTO } from "../types/dtos"
import { cartTotal, metadataOf, retrieveFullCart, withCartLock } from "./cart-state"
import type { FlowDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { paymentSessionsOf, selectedSessionOf } from "./payment-sessions"
import { registerPromotionUsage, revertPromotionUsage } from "./promotion-usage"

/** Input of {@link completeCart}; the same `idempotency_key` replays the first result. */
export interface CompleteCartInput {
  readonly cart_id: string
  readonly idempotency_key?: string | null
  /** Authorise the selected session first when it is not yet (Medusa v1's completion does); default false. */
  readonly authorize_payment?: boolean
}

/** The order created (or replayed) and the completed cart. */
export interface CompleteCartResult {
  readonly order: OrderSummary
  readonly cart: CartDTO
  /** True when this call replayed an earlier completion instead of creating an order. */
  readonly replayed: boolean
}

/** What undoing a completion needs; a replay has nothing to undo. */
export interface CompleteCartCompensation {
  readonly cart_id: string
  readonly order_id: string | null
  /** The promotion usage the completion registered, given back on undo. */
  readonly promotion_usage?: PromotionUsage | null
}

/** How a completion is remembered on the cart (`metadata.completion`). */
interface CompletionRecord {
  readonly order_id: string
  readonly idempotency_key: string | null
}

type Deps = Pick<FlowDeps, "cart" | "orders" | "payment"> & Partial<Pick<FlowDeps, "promotions">>

function completionOf(cart: CartDTO): CompletionRecord | undefined {
  const record = metadataOf(cart).completion as CompletionRecord | undefined
  return record && typeof record.order_id === "string" ? record : undefined
}

async function replay(deps: Deps, cart: CartDTO, key: string | null): Promise<OrderSummary> {
  const record = completionOf(cart)
  // Another key on a completed cart is a different request, not a retry of the first one.
  if (!record || (key && record.idempotency_key && record.idempotency_key !== key)) throw NotAllowedError.cartCompleted(cart.id)
  const order = await deps.orders.retrieveOrder(record.order_id)
  if (!order) throw UnexpectedStateError.because(`Cart with id "${cart.id}" is completed but its order "${record.order_id}" is missing`)
  return order
}

/**
 * Authorises the selected session inside the completion's lock, so that concurrent completions
 * (retries of one checkout) authorise once and the losers replay the winner's order.
 */
async function authorizeSelected(deps: Deps, cart: CartDTO, ctx: CartContext): Promise<CartDTO> {
  const session = selectedSessionOf(cart)
  if (!session || session.status === "authorized") return cart
  const input = { provider_id: session.provider_id, cart_id: cart.id, amount: cartTotal(cart), currency_code: cart.currency_code, email: cart.email ?? null }
  const current = session.amount === input.amount && session.currency_code === input.currency_code ? session : await deps.payment.updateSession(session, input)
  const authorized = await deps.payment.authorizeSession(current)
  const sessions = paymentSessionsOf(cart).map((entry) => (entry.provider_id === session.provider_id ? { ...authorized, is_selected: true } : { ...entry, is_selected: false }))
  await deps.cart.updateCarts(cart.id, { metadata: { payment_sessions: sessions } }, ctx)
  return { ...cart, metadata: { ...metadataOf(cart), payment_sessions: sessions } }
}

/** Refuses a cart that cannot be paid for as it stands. @throws NotAllowedError */
function assertPayable(cart: CartDTO) {
  if (!cart.items?.length) throw NotAllowedError.because(`Cart with id "${cart.id}" has no items`)
  const session = selectedSessionOf(cart)
  if (!session || session.status !== "authorized") {
    throw NotAllowedError.because(`Cart with id "${cart.id}" has no authorized payment session`)
  }
  if (session.amount !== cartTotal(cart) || session.currency_code !== cart.currency_code) {
    throw NotAllowedError.because(`Cart with id "${cart.id}" changed after its payment was authorized (${session.amount} ${session.currency_code} authorized, ${cartTotal(cart)} ${cart.currency_code} due); refresh the payment session`)
  }
  return session
}

/**
 * Completes a cart: under its lock, checks the selected payment session is authorised for the
 * current total, creates the order through the order port and sets `completed_at`. Completing a
 * completed cart again (same idempotency key, or none) returns the first order instead of a second.
 * Registers the promotion usage of the cart's adjustments when the promotion port counts usage.
 * Undo: reopen the cart, delete the order and give the promotion usage back.
 * @throws NotAllowedError without an authorised payment, for an empty cart, or for a new key on a completed cart.
 */
export const completeCartStep: FlowStep<Deps, CompleteCartInput, CompleteCartResult, CompleteCartCompensation> = {
  name: "complete-cart",
  async invoke(deps, input) {
    const key = input.idempotency_key ?? null
    let created: OrderSummary | undefined
    let usage: PromotionUsage | null = null
    try {
      const { order, replayed } = await withCartLock(deps.cart, input.cart_id, async (ctx) => {
        const found = await retrieveFullCart(deps.cart, input.cart_id, ctx)
        if (found.completed_at) return { order: await replay(deps, found, key), replayed: true }
        const cart = input.authorize_payment ? await authorizeSelected(deps, found, ctx) : found
        const session = assertPayable(cart)
        created = await deps.orders.createOrder({ cart, payment: { provider_id: session.provider_id, session_id: session.id, amount: session.amount } })
        usage = await registerPromotionUsage(deps.promotions, cart)
        const completion: CompletionRecord = { order_id: created.id, idempotency_key: key }
        await deps.cart.updateCarts(cart.id, { completed_at: new Date(), metadata: { completion } }, ctx)
        return { order: created, replayed: false }
      })
      const cart = await retrieveFullCart(deps.cart, input.cart_id)
      return { output: { order, cart, replayed }, compensation: { cart_id: input.cart_id, order_id: replayed ? null : order.id, promotion_usage: usage } }
    } catch (error) {
      // The cart stayed open (the transaction rolled back), so the order must not survive either.
      if (created) await deps.orders.deleteOrder(created.id)
      await revertPromotionUsage(deps.promotions, usage)
      throw error
    }
  },
  async compensate(deps, compensation) {
    if (!compensation.order_id) return
    await deps.cart.updateCarts(compensation.cart_id, { completed_at: null, metadata: { completion: "" } })
    await deps.orders.deleteOrder(compensation.order_id)
    await revertPromotionUsage(deps.promotions, compensation.promotion_usage)
  },
}

/** Completes a cart (plain-function form of {@link completeCartStep}). */
export const completeCart = asFlow(completeCartStep)
