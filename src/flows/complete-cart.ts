import { NotAllowedError, UnexpectedStateError } from "../errors/errors"
import type { OrderSummary } from "../ports/order"
import type { PromotionUsage } from "../ports/promotion"
import type { CartDTO } from "../types/dtos"
import { cartTotal, planThenApply, retrieveFullCart } from "./cart-state"
import type { FlowDeps } from "./flow-deps"
import { takeCompletionEffects, undoCompletionEffects } from "./completion-effects"
import type { CompletionEffects } from "./completion-effects"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { isStaleSession, paymentSessionsOf, repriceSession, selectedSessionOf } from "./payment-sessions"
import type { CartPaymentSession } from "./payment-sessions"
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
  /** Stock reservations and gift card redemptions to give back. */
  readonly effects: CompletionEffects
  /** The promotion usage the completion registered, given back on undo. */
  readonly promotion_usage?: PromotionUsage | null
}

type Deps = Pick<FlowDeps, "cart" | "orders" | "payment" | "inventory" | "giftCards"> & Partial<Pick<FlowDeps, "promotions">>

/** Replays an earlier completion from the module-owned completion record (never from metadata). */
async function replay(deps: Deps, cartId: string, key: string | null): Promise<OrderSummary> {
  const { completion } = await deps.cart.retrieveCheckoutState(cartId)
  // Another key on a completed cart is a different request, not a retry of the first one.
  if (!completion || (key && completion.idempotency_key && completion.idempotency_key !== key)) throw NotAllowedError.cartCompleted(cartId)
  const order = await deps.orders.retrieveOrder(completion.order_id)
  if (!order) throw UnexpectedStateError.because(`Cart with id "${cartId}" is completed but its order "${completion.order_id}" is missing`)
  return order
}

/** The selected session, authorised at the provider first when asked to. */
async function paymentFor(deps: Deps, cart: CartDTO, authorize: boolean): Promise<CartPaymentSession | undefined> {
  const selected = selectedSessionOf(await paymentSessionsOf(deps, cart.id))
  if (!selected || !authorize || (selected.status === "authorized" && !isStaleSession(selected, cart))) return selected
  const current = await repriceSession(deps, selected, cart)
  const authorized = current.status === "authorized" ? current : await deps.payment.authorizeSession(current.id)
  return { ...authorized, is_selected: true }
}

/** Refuses a cart that cannot be paid for as it stands, judged by the provider's session. @throws NotAllowedError */
function assertPayable(cart: CartDTO, session: CartPaymentSession | undefined): CartPaymentSession {
  if (!cart.items?.length) throw NotAllowedError.because(`Cart with id "${cart.id}" has no items`)
  if (!session || session.status !== "authorized")
    throw NotAllowedError.because(`Cart with id "${cart.id}" has no authorized payment session`)
  if (isStaleSession(session, cart)) {
    throw NotAllowedError.because(
      `Cart with id "${cart.id}" changed after its payment was authorized (${session.amount} ${session.currency_code} authorized, ${cartTotal(cart)} ${cart.currency_code} due); refresh the payment session`,
    )
  }
  return session
}

interface CompletionPlan {
  readonly version: number
  /** Set when the cart was already completed when planned: replay instead of creating an order. */
  readonly completed: boolean
  readonly order?: OrderSummary
  readonly effects?: CompletionEffects
}

const NO_EFFECTS: CompletionEffects = { reservation_ids: [], redemption_ids: [] }

/**
 * Completes a cart. Provider work happens first, outside the cart lock: the payment port's own
 * session decides whether the cart is paid (authorised for the current total and currency), then
 * stock is reserved through the inventory port, gift cards are redeemed for their applied amounts, and
 * the order port creates the order. Under the lock, the completion is recorded in the module-owned
 * checkout state and `completed_at` is set, but only if the cart did not change meanwhile; otherwise
 * the order is deleted and the completion planned again. Completing a completed cart again (same
 * idempotency key, or none) returns the first order instead of a second.
 * Once completed, the usage of the cart's coded adjustments is registered when the promotion port
 * counts usage; a refusal undoes the completion.
 * Undo: reopen the cart, delete the order, release the stock, revert the gift card redemptions and
 * give the promotion usage back.
 * @throws NotAllowedError without an authorised payment, for an empty cart, or for a new key on a completed cart.
 */
export const completeCartStep: FlowStep<Deps, CompleteCartInput, CompleteCartResult, CompleteCartCompensation> = {
  name: "complete-cart",
  async invoke(deps, input) {
    const key = input.idempotency_key ?? null
    const planned = await planThenApply<CompletionPlan, CompletionPlan>(
      deps.cart,
      input.cart_id,
      async () => {
        const cart = await retrieveFullCart(deps.cart, input.cart_id)
        if (cart.completed_at) return { version: cart.version, completed: true }
        const session = assertPayable(cart, await paymentFor(deps, cart, input.authorize_payment ?? false))
        const effects = await takeCompletionEffects(deps, cart)
        try {
          const order = await deps.orders.createOrder({
            cart,
            payment: { provider_id: session.provider_id, session_id: session.id, amount: session.amount },
          })
          return { version: cart.version, completed: false, order, effects }
        } catch (error) {
          await undoCompletionEffects(deps, effects)
          throw error
        }
      },
      async (plan, ctx) => {
        if (plan.order) {
          await deps.cart.updateCheckoutState(input.cart_id, { completion: { order_id: plan.order.id, idempotency_key: key } }, ctx)
          await deps.cart.updateCarts(input.cart_id, { completed_at: new Date() }, ctx)
        }
        return plan
      },
      async (plan) => {
        // The cart changed (or another request completed it) after the order was created: that order must not survive.
        if (plan.order) await deps.orders.deleteOrder(plan.order.id)
        if (plan.effects) await undoCompletionEffects(deps, plan.effects)
      },
    )
    const order = planned.order ?? (await replay(deps, input.cart_id, key))
    const cart = await retrieveFullCart(deps.cart, input.cart_id)
    const effects = planned.effects ?? NO_EFFECTS
    let usage: PromotionUsage | null = null
    if (planned.order) {
      try {
        usage = await registerPromotionUsage(deps.promotions, cart)
      } catch (error) {
        // The promotion module refused the usage (a limit reached meanwhile): the completion must not stand.
        await completeCartStep.compensate(deps, { cart_id: input.cart_id, order_id: planned.order.id, effects })
        throw error
      }
    }
    return {
      output: { order, cart, replayed: !planned.order },
      compensation: { cart_id: input.cart_id, order_id: planned.order?.id ?? null, effects, promotion_usage: usage },
    }
  },
  async compensate(deps, compensation) {
    if (!compensation.order_id) return
    await deps.cart.transaction(async (ctx) => {
      await deps.cart.updateCheckoutState(compensation.cart_id, { completion: null }, ctx)
      await deps.cart.updateCarts(compensation.cart_id, { completed_at: null }, { ...ctx, allowCompletedCartWrites: true })
    })
    await deps.orders.deleteOrder(compensation.order_id)
    await undoCompletionEffects(deps, compensation.effects)
    await revertPromotionUsage(deps.promotions, compensation.promotion_usage)
  },
}

/** Completes a cart (plain-function form of {@link completeCartStep}). */
export const completeCart = asFlow(completeCartStep)
