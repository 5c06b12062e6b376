import type { FastifyInstance } from "fastify"
import { addToCart } from "../../src/flows/add-to-cart"
import { retrieveFullCart } from "../../src/flows/cart-state"
import { createCart } from "../../src/flows/create-cart"
import type { FlowDeps } from "../../src/flows/flow-deps"
import { applyPromotionCodes, removePromotionCodes } from "../../src/flows/promotions"
import { refreshCart } from "../../src/flows/refresh-cart"
import { refreshTaxes } from "../../src/flows/refresh-taxes"
import { addShippingMethod, listShippingOptions } from "../../src/flows/shipping"
import { updateBillingAddress, updateEmail, updateShippingAddress } from "../../src/flows/update-cart-details"
import { removeLineItem, updateLineItemQuantity } from "../../src/flows/update-line-item"
import { updateRegion } from "../../src/flows/update-region"
import { addLineItemBody, addShippingMethodBody, createCartBody, parseBody, promotionsBody, updateCartBody, updateLineItemBody } from "./request-schemas"

type CartParams = { Params: { id: string } }
type LineParams = { Params: { id: string; line_id: string } }

/** The Store API's cart, line-item, shipping, tax and promotion routes. */
export function registerCartRoutes(app: FastifyInstance, deps: FlowDeps): void {
  app.post("/store/carts", async (request) => {
    const body = parseBody(createCartBody, request.body)
    // Medusa fills the context with the caller's ip and user agent; the body's own keys win.
    const context = { ip: request.ip, user_agent: request.headers["user-agent"] ?? null, ...(body.context ?? {}) }
    return { cart: await createCart(deps, { ...body, context }) }
  })

  app.get<CartParams>("/store/carts/:id", async (request) => ({ cart: await retrieveFullCart(deps.cart, request.params.id) }))

  app.post<CartParams>("/store/carts/:id", async (request) => {
    const body = parseBody(updateCartBody, request.body)
    const cartId = request.params.id
    // Region first: it decides which countries the shipping address may use.
    if (body.region_id) await updateRegion(deps, { cart_id: cartId, region_id: body.region_id })
    if (body.email !== undefined) await updateEmail(deps, { cart_id: cartId, email: body.email, ...(body.customer_id !== undefined ? { customer_id: body.customer_id } : {}) })
    const shipping = body.country_code ? { ...(body.shipping_address ?? {}), country_code: body.country_code } : body.shipping_address
    if (shipping !== undefined) await updateShippingAddress(deps, { cart_id: cartId, address: shipping })
    if (body.billing_address !== undefined) await updateBillingAddress(deps, { cart_id: cartId, address: body.billing_address })
    const rest = {
      ...(body.metadata ? { metadata: body.metadata } : {}),
      ...(body.context ? { metadata: { ...(body.metadata ?? {}), context: body.context } } : {}),
      ...(body.sales_channel_id !== undefined ? { sales_channel_id: body.sales_channel_id } : {}),
      ...(body.customer_id !== undefined && body.email === undefined ? { customer_id: body.customer_id } : {}),
    }
    if (Object.keys(rest).length) await deps.cart.updateCarts(cartId, rest)
    return { cart: await refreshCart(deps, cartId) }
  })

  app.post<CartParams>("/store/carts/:id/line-items", async (request) => {
    const body = parseBody(addLineItemBody, request.body)
    await addToCart(deps, { cart_id: request.params.id, ...body })
    return { cart: await refreshCart(deps, request.params.id) }
  })

  app.post<LineParams>("/store/carts/:id/line-items/:line_id", async (request) => {
    const body = parseBody(updateLineItemBody, request.body)
    await updateLineItemQuantity(deps, { cart_id: request.params.id, line_id: request.params.line_id, quantity: body.quantity })
    return { cart: await refreshCart(deps, request.params.id) }
  })

  app.delete<LineParams>("/store/carts/:id/line-items/:line_id", async (request) => {
    await removeLineItem(deps, { cart_id: request.params.id, line_id: request.params.line_id })
    return { cart: await refreshCart(deps, request.params.id) }
  })

  app.get<CartParams>("/store/carts/:id/shipping-options", async (request) => ({
    shipping_options: await listShippingOptions(deps, { cart_id: request.params.id }),
  }))

  app.post<CartParams>("/store/carts/:id/shipping-methods", async (request) => {
    const body = parseBody(addShippingMethodBody, request.body)
    await addShippingMethod(deps, { cart_id: request.params.id, option_id: body.option_id, ...(body.data ? { data: body.data } : {}) })
    return { cart: await refreshCart(deps, request.params.id) }
  })

  app.post<CartParams>("/store/carts/:id/taxes", async (request) => {
    await refreshTaxes(deps, { cart_id: request.params.id })
    return { cart: await refreshCart(deps, request.params.id) }
  })

  app.post<CartParams>("/store/carts/:id/promotions", async (request) => {
    const body = parseBody(promotionsBody, request.body)
    await applyPromotionCodes(deps, { cart_id: request.params.id, codes: body.promo_codes })
    return { cart: await refreshCart(deps, request.params.id) }
  })

  app.delete<CartParams>("/store/carts/:id/promotions", async (request) => {
    const body = parseBody(promotionsBody, request.body)
    await removePromotionCodes(deps, { cart_id: request.params.id, codes: body.promo_codes })
    return { cart: await refreshCart(deps, request.params.id) }
  })
}
