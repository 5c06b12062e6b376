import type { CartDTO } from "../types/dtos"
import { assertQuantity, lineOfCart, withCartLock } from "./cart-state"
import type { FlowDeps, RefreshDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"
import { assertInStock, availableQuantity } from "./inventory-check"
import { announceCartUpdated } from "./workflow-events"
import { changeAndRefresh } from "./refresh-cart"

/** Input of {@link updateLineItemQuantity}; quantity 0 removes the line. */
export interface UpdateLineItemInput {
  readonly cart_id: string
  readonly line_id: string
  readonly quantity: number
}

/** Input of {@link removeLineItem}. */
export interface RemoveLineItemInput {
  readonly cart_id: string
  readonly line_id: string
}

/** What undoing a line change needs: the line and its quantity before, or that it was removed. */
export interface LineChangeCompensation {
  readonly cart_id: string
  readonly line_id: string
  readonly previous_quantity: number
  readonly removed: boolean
}

type Deps = RefreshDeps & Pick<FlowDeps, "inventory">

async function undoLineChange(deps: Deps, compensation: LineChangeCompensation): Promise<void> {
  // Removal is a soft delete precisely so that undo brings back the line with its tax lines and adjustments.
  if (compensation.removed) await deps.cart.restoreLineItems(compensation.line_id)
  else await deps.cart.updateLineItems(compensation.line_id, { quantity: compensation.previous_quantity })
  await changeAndRefresh(deps, { cart_id: compensation.cart_id, changes: { lines: [compensation.line_id] } })
}

/**
 * Sets a line's quantity; 0 removes the line. A larger quantity is checked against the inventory
 * port first. Ends with the shared refresh (the new quantity may cross a price tier).
 * Undo: the previous quantity, or the line restored.
 * @throws NotAllowedError when the variant lacks stock for the new quantity.
 */
export const updateLineItemQuantityStep: FlowStep<Deps, UpdateLineItemInput, CartDTO, LineChangeCompensation> = {
  name: "update-line-item-quantity",
  async invoke(deps, input) {
    const quantity = assertQuantity(input.quantity, 0)
    const seen = await lineOfCart(deps.cart, input.cart_id, input.line_id)
    const cart = await deps.cart.retrieveCart(input.cart_id, { select: ["id", "sales_channel_id"] })
    const available =
      seen.variant_id && quantity > Number(seen.quantity)
        ? await availableQuantity(deps.inventory, seen.variant_id, cart.sales_channel_id)
        : null
    const compensation = await withCartLock(deps.cart, input.cart_id, async (ctx) => {
      const line = await lineOfCart(deps.cart, input.cart_id, input.line_id, ctx)
      if (line.variant_id && quantity > Number(line.quantity)) {
        const others = (
          await deps.cart.listLineItems({ cart_id: input.cart_id, variant_id: line.variant_id }, { select: ["id", "quantity"] }, ctx)
        ).filter((other) => other.id !== line.id)
        assertInStock(line.variant_id, quantity + others.reduce((sum, other) => sum + Number(other.quantity), 0), available)
      }
      if (quantity === 0) await deps.cart.softDeleteLineItems(line.id, undefined, ctx)
      else await deps.cart.updateLineItems(line.id, { quantity }, ctx)
      await announceCartUpdated(deps.cart, input.cart_id, ctx)
      return { cart_id: input.cart_id, line_id: line.id, previous_quantity: Number(line.quantity), removed: quantity === 0 }
    })
    const { cart: output } = await changeAndRefresh(deps, {
      cart_id: input.cart_id,
      changes: { lines: compensation.removed ? [] : [compensation.line_id] },
    })
    return { output, compensation }
  },
  compensate: undoLineChange,
}

/** Removes a line from a cart and refreshes what depended on it. Undo: the line restored with its children. */
export const removeLineItemStep: FlowStep<Deps, RemoveLineItemInput, CartDTO, LineChangeCompensation> = {
  name: "remove-line-item",
  async invoke(deps, input) {
    const compensation = await withCartLock(deps.cart, input.cart_id, async (ctx) => {
      const line = await lineOfCart(deps.cart, input.cart_id, input.line_id, ctx)
      await deps.cart.softDeleteLineItems(line.id, undefined, ctx)
      await announceCartUpdated(deps.cart, input.cart_id, ctx)
      return { cart_id: input.cart_id, line_id: line.id, previous_quantity: Number(line.quantity), removed: true }
    })
    const { cart: output } = await changeAndRefresh(deps, { cart_id: input.cart_id, changes: { lines: [] } })
    return { output, compensation }
  },
  compensate: undoLineChange,
}

/** Sets a line's quantity, 0 removing it (plain-function form of {@link updateLineItemQuantityStep}). */
export const updateLineItemQuantity = asFlow(updateLineItemQuantityStep)

/** Removes a line (plain-function form of {@link removeLineItemStep}). */
export const removeLineItem = asFlow(removeLineItemStep)
