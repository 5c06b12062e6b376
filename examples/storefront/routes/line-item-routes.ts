import type { FastifyInstance } from "fastify"
import { addToCart } from "../../../src/flows/add-to-cart"
import { removeLineItem, updateLineItemQuantity } from "../../../src/flows/update-line-item"
import { addLineItemBody, updateLineItemBody } from "../v1/v1-schemas"
import { cartChangeWithBody, registerCartChildRoutes } from "./store-context"
import type { CartParams, StoreDeps } from "./store-context"

/** Add, Update and Delete a Line Item; quantity 0 on update removes the line, as in v1. */
export function registerLineItemRoutes(app: FastifyInstance, deps: StoreDeps): void {
  app.post<CartParams>(
    "/store/carts/:id/line-items",
    cartChangeWithBody(deps, addLineItemBody, ({ id }, body) => addToCart(deps.flows, { cart_id: id, ...body })),
  )

  registerCartChildRoutes(app, deps, "/store/carts/:id/line-items", {
    body: updateLineItemBody,
    update: (cartId, lineId, body) => updateLineItemQuantity(deps.flows, { cart_id: cartId, line_id: lineId, quantity: body.quantity }),
    remove: (cartId, lineId) => removeLineItem(deps.flows, { cart_id: cartId, line_id: lineId }),
  })
}
