import type { FastifyInstance } from "fastify"
import { addToCart } from "../../../src/flows/add-to-cart"
import { removeLineItem, updateLineItemQuantity } from "../../../src/flows/update-line-item"
import { addLineItemBody, parseBody, updateLineItemBody } from "../v1/v1-schemas"
import { authorizeCart, cartResponse } from "./store-context"
import type { CartParams, StoreDeps } from "./store-context"

type LineParams = { Params: { id: string; line_id: string } }

/** Add, Update and Delete a Line Item; quantity 0 on update removes the line, as in v1. */
export function registerLineItemRoutes(app: FastifyInstance, deps: StoreDeps): void {
  app.post<CartParams>("/store/carts/:id/line-items", async (request) => {
    const body = parseBody(addLineItemBody, request.body)
    await authorizeCart(deps, request, request.params.id)
    await addToCart(deps.flows, { cart_id: request.params.id, ...body })
    return cartResponse(deps, request.params.id)
  })

  app.post<LineParams>("/store/carts/:id/line-items/:line_id", async (request) => {
    const body = parseBody(updateLineItemBody, request.body)
    await authorizeCart(deps, request, request.params.id)
    await updateLineItemQuantity(deps.flows, { cart_id: request.params.id, line_id: request.params.line_id, quantity: body.quantity })
    return cartResponse(deps, request.params.id)
  })

  app.delete<LineParams>("/store/carts/:id/line-items/:line_id", async (request) => {
    await authorizeCart(deps, request, request.params.id)
    await removeLineItem(deps.flows, { cart_id: request.params.id, line_id: request.params.line_id })
    return cartResponse(deps, request.params.id)
  })
}
