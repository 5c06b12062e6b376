import type { FastifyInstance } from "fastify"
import { completeCart } from "../../src/flows/complete-cart"
import type { FlowDeps } from "../../src/flows/flow-deps"
import {
  deletePaymentSession,
  initializePaymentSessions,
  refreshPaymentSession,
  selectPaymentSession,
} from "../../src/flows/payment-sessions"

type CartParams = { Params: { id: string } }
type ProviderParams = { Params: { id: string; provider_id: string } }

/** The Store API's payment-session and completion routes. */
export function registerCheckoutRoutes(app: FastifyInstance, deps: FlowDeps): void {
  app.post<CartParams>("/store/carts/:id/payment-sessions", async (request) => ({
    cart: await initializePaymentSessions(deps, { cart_id: request.params.id }),
  }))

  app.post<ProviderParams>("/store/carts/:id/payment-sessions/:provider_id", async (request) => ({
    cart: await selectPaymentSession(deps, { cart_id: request.params.id, provider_id: request.params.provider_id }),
  }))

  app.post<ProviderParams>("/store/carts/:id/payment-sessions/:provider_id/refresh", async (request) => ({
    cart: await refreshPaymentSession(deps, { cart_id: request.params.id, provider_id: request.params.provider_id }),
  }))

  app.delete<ProviderParams>("/store/carts/:id/payment-sessions/:provider_id", async (request) => ({
    cart: await deletePaymentSession(deps, { cart_id: request.params.id, provider_id: request.params.provider_id }),
  }))

  app.post<CartParams>("/store/carts/:id/complete", async (request) => {
    const cartId = request.params.id
    const header = request.headers["idempotency-key"]
    const idempotencyKey = (Array.isArray(header) ? header[0] : header) ?? null
    // As in Medusa v1, completing authorises the selected session first (inside the flow's lock).
    const result = await completeCart(deps, { cart_id: cartId, idempotency_key: idempotencyKey, authorize_payment: true })
    return { type: "order", data: result.order, cart: result.cart }
  })
}
