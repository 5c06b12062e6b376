import type { FastifyInstance } from "fastify"
import { NotAllowedError } from "../../../src/errors/errors"
import { createCart } from "../../../src/flows/create-cart"
import { createCartBody, parseBody, updateCartBody } from "../v1/v1-schemas"
import { customerIdOf } from "../auth/request-customer"
import { authorizeCart, cartResponse } from "./store-context"
import type { CartParams, StoreDeps } from "./store-context"
import { updateCartDetails } from "./update-cart"

/** Create, Get and Update a Cart (v1 paths and bodies). */
export function registerCartRoutes(app: FastifyInstance, deps: StoreDeps): void {
  app.post("/store/carts", async (request) => {
    const body = parseBody(createCartBody, request.body)
    const customerId = customerIdOf(request, deps.tokens)
    const customer = customerId ? deps.customers.retrieve(customerId) : null
    // v1 fills the context with the caller's ip and user agent; the body's own keys win.
    const context = { ip: request.ip, user_agent: request.headers["user-agent"] ?? null, ...(body.context ?? {}) }
    const cart = await createCart(deps.flows, {
      ...(body.region_id !== undefined ? { region_id: body.region_id } : {}),
      ...(body.sales_channel_id !== undefined ? { sales_channel_id: body.sales_channel_id } : {}),
      ...(body.country_code !== undefined ? { country_code: body.country_code.toLowerCase() } : {}),
      ...(body.items ? { items: body.items } : {}),
      context,
      // The customer comes from authentication only, never from the body.
      ...(customer ? { customer_id: customer.id, email: customer.email } : {}),
    })
    return cartResponse(deps, cart.id)
  })

  app.get<CartParams>("/store/carts/:id", async (request) => {
    await authorizeCart(deps, request, request.params.id)
    return cartResponse(deps, request.params.id)
  })

  app.post<CartParams>("/store/carts/:id", async (request) => {
    const body = parseBody(updateCartBody, request.body)
    const customerId = await authorizeCart(deps, request, request.params.id)
    if (body.customer_id !== undefined && body.customer_id !== customerId) {
      throw NotAllowedError.because("customer_id is taken from the logged-in customer; log in to attach the cart to a customer")
    }
    await updateCartDetails(deps, request.params.id, body, customerId)
    return cartResponse(deps, request.params.id)
  })
}
