import { randomUUID } from "node:crypto"
import type { FastifyInstance } from "fastify"
import { CartModuleError } from "../../../src/errors/cart-module-error"
import { completeCart } from "../../../src/flows/complete-cart"
import type { CompleteCartResult } from "../../../src/flows/complete-cart"
import { paymentSessionsOf, selectedSessionOf } from "../../../src/flows/payment-sessions"
import { refreshTaxes } from "../../../src/flows/refresh-taxes"
import { removePromotionCodes } from "../../../src/flows/promotions"
import { addShippingMethod } from "../../../src/flows/shipping"
import { loadCartView } from "../v1/cart-view"
import { toV1Cart } from "../v1/v1-cart"
import { toV1Order } from "../v1/v1-region"
import { addShippingMethodBody } from "../v1/v1-schemas"
import { authorizeCart, cartChange, cartChangeWithBody, cartResponse } from "./store-context"
import type { CartParams, StoreDeps } from "./store-context"

/** Add Shipping Method, Calculate Cart Taxes, Remove Discount and Complete a Cart. */
export function registerCheckoutRoutes(app: FastifyInstance, deps: StoreDeps): void {
  app.post<CartParams>(
    "/store/carts/:id/shipping-methods",
    cartChangeWithBody(deps, addShippingMethodBody, ({ id }, body) =>
      addShippingMethod(deps.flows, { cart_id: id, option_id: body.option_id, ...(body.data ? { data: body.data } : {}) }),
    ),
  )

  app.post<CartParams>(
    "/store/carts/:id/taxes",
    cartChange(deps, ({ id }) => refreshTaxes(deps.flows, { cart_id: id })),
  )

  app.delete<{ Params: { id: string; code: string } }>(
    "/store/carts/:id/discounts/:code",
    cartChange(deps, ({ id, code }) => removePromotionCodes(deps.flows, { cart_id: id, codes: [code] })),
  )

  app.post<CartParams>("/store/carts/:id/complete", async (request, reply) => {
    const cartId = request.params.id
    // v1: the client's Idempotency-Key, or a fresh one, is echoed back so a retry can reuse it.
    const header = request.headers["idempotency-key"]
    const key = (Array.isArray(header) ? header[0] : header) || randomUUID()
    void reply.header("Idempotency-Key", key).header("Access-Control-Expose-Headers", "Idempotency-Key")
    await authorizeCart(deps, request, cartId)
    let result: CompleteCartResult
    try {
      result = await completeOrReplay(deps, cartId, key)
    } catch (error) {
      // v1: a payment that needs the customer's action (3-D Secure...) answers 200 with the cart, not an error.
      if (await awaitsPaymentAction(deps, cartId, error)) return { type: "cart", data: (await cartResponse(deps, cartId)).cart }
      throw error
    }
    const cart = toV1Cart(await loadCartView(deps.flows, cartId, result.cart))
    return { type: "order", data: toV1Order(result.order, cart) }
  })
}

/** Whether a refused completion is the selected payment session waiting for the customer (`requires_more`). */
async function awaitsPaymentAction(deps: StoreDeps, cartId: string, error: unknown): Promise<boolean> {
  if (!CartModuleError.is(error) || error.type !== "not_allowed") return false
  return selectedSessionOf(await paymentSessionsOf(deps.flows, cartId))?.status === "requires_more"
}

/**
 * Completes the cart (authorising the selected session first, as v1 does). A cart completed
 * earlier, under another key, answers with its order as v1 does; the flow replays it without a key.
 */
async function completeOrReplay(deps: StoreDeps, cartId: string, key: string): Promise<CompleteCartResult> {
  try {
    return await completeCart(deps.flows, { cart_id: cartId, idempotency_key: key, authorize_payment: true })
  } catch (error) {
    if (!CartModuleError.is(error) || error.type !== "not_allowed") throw error
    const [cart] = await deps.flows.cart.listCarts({ id: cartId }, { select: ["id", "completed_at"] })
    if (!cart?.completed_at) throw error
    return completeCart(deps.flows, { cart_id: cartId, idempotency_key: null })
  }
}
