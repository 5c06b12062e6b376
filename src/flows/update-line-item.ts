import type { CartDTO } from "../types/dtos"
import { assertQuantity, lineOfCart, retrieveFullCart, withCartLock } from "./cart-state"
import type { FlowDeps } from "./flow-deps"
import { asFlow } from "./flow-step"
import type { FlowStep } from "./flow-step"

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
  readonly line_id: string
  readonly previous_quantity: number
  readonly removed: boolean
}

type Deps = Pick<FlowDeps, "cart">

async function undoLineChange(deps: Deps, compensation: LineChangeCompensation): Promise<void> {
  // Removal is a soft delete precisely so that undo brings back the line with its tax lines and adjustments.
  if (compensation.removed) await deps.cart.restoreLineItems(compensation.line_id)
  else await deps.cart.updateLineItems(compensation.line_id, { quantity: compensation.previous_quantity })
}

/** Sets a line's quantity; 0 removes the line. Undo: the previous quantity, or the line restored. */
export const updateLineItemQuantityStep: FlowStep<Deps, UpdateLineItemInput, CartDTO, LineChangeCompensation> = {
  name: "update-line-item-quantity",
  async invoke(deps, input) {
    const quantity = assertQuantity(input.quantity, 0)
    const compensation = await withCartLock(deps.cart, input.cart_id, async (ctx) => {
      const line = await lineOfCart(deps.cart, input.cart_id, input.line_id, ctx)
      if (quantity === 0) await deps.cart.softDeleteLineItems(line.id, undefined, ctx)
      else await deps.cart.updateLineItems(line.id, { quantity }, ctx)
      return { line_id: line.id, previous_quantity: Number(line.quantity), removed: quantity === 0 }
    })
    return { output: await retrieveFullCart(deps.cart, input.cart_id), compensation }
  },
  compensate: undoLineChange,
}

/** Removes a line from a cart. Undo: the line restored with its children. */
export const removeLineItemStep: FlowStep<Deps, RemoveLineItemInput, CartDTO, LineChangeCompensation> = {
  name: "remove-line-item",
  async invoke(deps, input) {
    const compensation = await withCartLock(deps.cart, input.cart_id, async (ctx) => {
      const line = await lineOfCart(deps.cart, input.cart_id, input.line_id, ctx)
      await deps.cart.softDeleteLineItems(line.id, undefined, ctx)
      return { line_id: line.id, previous_quantity: Number(line.quantity), removed: true }
    })
    return { output: await retrieveFullCart(deps.cart, input.cart_id), compensation }
  },
  compensate: undoLineChange,
}

/** Sets a line's quantity, 0 removing it (plain-function form of {@link updateLineItemQuantityStep}). */
export const updateLineItemQuantity = asFlow(updateLineItemQuantityStep)

/** Removes a line (plain-function form of {@link removeLineItemStep}). */
export const removeLineItem = asFlow(removeLineItemStep)
