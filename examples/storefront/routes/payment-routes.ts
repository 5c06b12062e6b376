import type { FastifyInstance } from "fastify"
import {
  deletePaymentSession,
  initializePaymentSessions,
  refreshPaymentSession,
  selectPaymentSession,
  updatePaymentSession,
} from "../../../src/flows/payment-sessions"
import { parseBody, selectPaymentSessionBody, updatePaymentSessionBody } from "../v1/v1-schemas"
import { authorizeCart, cartResponse } from "./store-context"
import type { CartParams, StoreDeps } from "./store-context"

type ProviderParams = { Params: { id: string; provider_id: string } }

/** Create, Refresh, Select, Update and Delete Payment Sessions (v1 paths). */
export function registerPaymentRoutes(app: FastifyInstance, deps: StoreDeps): void {
  app.post<CartParams>("/store/carts/:id/payment-sessions", async (request) => {
    await authorizeCart(deps, request, request.params.id)
    await initializePaymentSessions(deps.flows, { cart_id: request.params.id })
    return cartResponse(deps, request.params.id)
  })

  app.post<ProviderParams>("/store/carts/:id/payment-sessions/:provider_id/refresh", async (request) => {
    await authorizeCart(deps, request, request.params.id)
    await refreshPaymentSession(deps.flows, { cart_id: request.params.id, provider_id: request.params.provider_id })
    return cartResponse(deps, request.params.id)
  })

  app.post<CartParams>("/store/carts/:id/payment-session", async (request) => {
    const body = parseBody(selectPaymentSessionBody, request.body)
    await authorizeCart(deps, request, request.params.id)
    await selectPaymentSession(deps.flows, { cart_id: request.params.id, provider_id: body.provider_id })
    return cartResponse(deps, request.params.id)
  })

  app.post<ProviderParams>("/store/carts/:id/payment-sessions/:provider_id", async (request) => {
    const body = parseBody(updatePaymentSessionBody, request.body)
    await authorizeCart(deps, request, request.params.id)
    await updatePaymentSession(deps.flows, { cart_id: request.params.id, provider_id: request.params.provider_id, data: body.data })
    return cartResponse(deps, request.params.id)
  })

  app.delete<ProviderParams>("/store/carts/:id/payment-sessions/:provider_id", async (request) => {
    await authorizeCart(deps, request, request.params.id)
    await deletePaymentSession(deps.flows, { cart_id: request.params.id, provider_id: request.params.provider_id })
    return cartResponse(deps, request.params.id)
  })
}
