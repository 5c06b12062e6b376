import { cartWorkflowEvent, CartWorkflowEvents } from "../events/cart-events"
import type { CartEvent } from "../events/cart-events"
import type { CartContext } from "../service/cart-context"
import type { CartModuleService } from "../service/cart-module-service"
import type { CartDTO } from "../types/dtos"
import type { CartPatch } from "./refresh-cart"

/**
 * The events Medusa's `updateCartWorkflow` and `transferCartCustomerWorkflow` emit for a change of
 * cart fields, beyond the module's own `cart.updated`: `cart.region_updated` when the region changes;
 * `cart.customer_transferred` (`{ id, customer_id }`) for a transfer; otherwise `cart.customer_updated`
 * when the customer or email changes (Medusa 2.21 defines that one; its workflow has the emit commented out).
 */
export function cartChangeEvents(before: CartDTO, patch: CartPatch | undefined, transfer: boolean): CartEvent[] {
  if (!patch) return []
  const events: CartEvent[] = []
  const id = before.id
  if (patch.region_id !== undefined && patch.region_id !== before.region_id)
    events.push(cartWorkflowEvent(CartWorkflowEvents.REGION_UPDATED, { id }))
  const customerChanged = patch.customer_id !== undefined && patch.customer_id !== before.customer_id
  const emailChanged = patch.email !== undefined && patch.email !== before.email
  if (transfer && customerChanged && patch.customer_id) {
    events.push(cartWorkflowEvent(CartWorkflowEvents.CUSTOMER_TRANSFERRED, { id, customer_id: patch.customer_id }))
  } else if (customerChanged || emailChanged) {
    events.push(cartWorkflowEvent(CartWorkflowEvents.CUSTOMER_UPDATED, { id }))
  }
  return events
}

/**
 * `cart.updated` (`{ id }`) for a flow that changed the cart's lines or shipping without writing the
 * cart row (Medusa's add-to-cart, update-line-item, delete-line-items and add-shipping-method
 * workflows emit it; the module emits it itself when the row changes). Published after `ctx` commits.
 */
export function announceCartUpdated(service: CartModuleService, cartId: string, ctx: CartContext): Promise<void> {
  return service.emitEvents([cartWorkflowEvent(CartWorkflowEvents.UPDATED, { id: cartId, cart_id: cartId })], ctx)
}
