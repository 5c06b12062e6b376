import type { FastifyInstance } from "fastify"
import {
  deletePaymentSession,
  initializePaymentSessions,
  refreshPaymentSession,
  selectPaymentSession,
  updatePaymentSession,
} from "../../../src/flows/payment-sessions"
import { selectPaymentSessionBody, updatePaymentSessionBody } from "../v1/v1-schemas"
import { cartChange, cartChangeWithBody, registerCartChildRoutes } from "./store-context"
import type { CartParams, StoreDeps } from "./store-context"

type ProviderParams = { Params: { id: string; provider_id: string } }

/** Create, Refresh, Select, Update and Delete Payment Sessions (v1 paths). */
export function registerPaymentRoutes(app: FastifyInstance, deps: StoreDeps): void {
  app.post<CartParams>(
    "/store/carts/:id/payment-sessions",
    cartChange(deps, ({ id }) => initializePaymentSessions(deps.flows, { cart_id: id })),
  )

  app.post<ProviderParams>(
    "/store/carts/:id/payment-sessions/:provider_id/refresh",
    cartChange(deps, ({ id, provider_id }) => refreshPaymentSession(deps.flows, { cart_id: id, provider_id })),
  )

  app.post<CartParams>(
    "/store/carts/:id/payment-session",
    cartChangeWithBody(deps, selectPaymentSessionBody, ({ id }, body) =>
      selectPaymentSession(deps.flows, { cart_id: id, provider_id: body.provider_id }),
    ),
  )

  registerCartChildRoutes(app, deps, "/store/carts/:id/payment-sessions", {
    body: updatePaymentSessionBody,
    update: (cartId, providerId, body) => updatePaymentSession(deps.flows, { cart_id: cartId, provider_id: providerId, data: body.data }),
    remove: (cartId, providerId) => deletePaymentSession(deps.flows, { cart_id: cartId, provider_id: providerId }),
  })
}
