import { NotFoundError } from "../../../src/errors/errors"
import { assertCartOpen, retrieveFullCart, withCartLock } from "../../../src/flows/cart-state"
import type { FlowDeps } from "../../../src/flows/flow-deps"
import { paymentSessionsOf } from "../../../src/flows/payment-sessions"

/**
 * Merges provider data into one provider's session (v1's Update a Payment Session), under the cart
 * lock. The flows of this version keep no provider-side data update, so the data stays with the session record.
 * @throws NotFoundError when the cart has no session for the provider.
 */
export async function updatePaymentSessionData(deps: Pick<FlowDeps, "cart">, input: { cart_id: string; provider_id: string; data: Record<string, unknown> }): Promise<void> {
  await withCartLock(deps.cart, input.cart_id, async (ctx) => {
    const cart = await retrieveFullCart(deps.cart, input.cart_id, ctx)
    assertCartOpen(cart)
    const sessions = paymentSessionsOf(cart)
    if (!sessions.some((session) => session.provider_id === input.provider_id)) throw NotFoundError.forId("PaymentSession for provider", input.provider_id)
    const next = sessions.map((session) => (session.provider_id === input.provider_id ? { ...session, data: { ...session.data, ...input.data } } : session))
    await deps.cart.updateCarts(cart.id, { metadata: { payment_sessions: next } }, ctx)
  })
}
