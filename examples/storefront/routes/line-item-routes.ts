import type { FastifyInstance } from "fastify"
import { addToCart } from "../../../src/flows/add-to-cart"
import { removeLineItem, updateLineItemQuantity } from "../../../src/flows/update-line-item"
import { addLineItemBody, updateLineItemBody } from "../v1/v1-schemas"
import { cartChange, cartChangeWithBody } from "./store-context"
import type { CartParams, StoreDeps } from "./store-context"

type LineParams = { Params: { id: string; line_id: string } }

/** Add, Update and Delete a Line Item; quantity 0 on update removes the line, as in v1. */
export function registerLineItemRoutes(app: FastifyInstance, deps: StoreDeps): void {
  app.post<CartParams>(
    "/store/carts/:id/line-items",
    cartChangeWithBody(deps, addLineItemBody, ({ id }, body) => addToCart(deps.flows, { cart_id: id, ...body })),
  )

  app.post<LineParams>(
    "/store/carts/:id/line-items/:line_id",
    cartChangeWithBody(deps, updateLineItemBody, ({ id, line_id }, body) =>
      updateLineItemQuantity(deps.flows, { cart_id: id, line_id, quantity: body.quantity }),
    ),
  )

  app.delete<LineParams>(
    "/store/carts/:id/line-items/:line_id",
    cartChange(deps, ({ id, line_id }) => removeLineItem(deps.flows, { cart_id: id, line_id })),
  )
}
