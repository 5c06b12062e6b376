import type { CartEvent } from "../events/cart-events"
import { EventEntity } from "../events/cart-events"
import type { EventBusPort } from "../ports/event-bus"
import type { MedusaEventBus, MedusaEventMessage } from "./medusa-shapes"
import { CART_MODULE_KEY } from "./joiner-config"

/**
 * Each entity's event prefix and `metadata.object` as `@medusajs/cart` 2.21 emits them: `cart.cart.created`
 * (the cart itself), `cart.line-item.created` with object `line_item`, and so on.
 */
const MEDUSA_ENTITIES: ReadonlyMap<string, { readonly prefix: string; readonly object: string }> = new Map([
  [EventEntity.Cart, { prefix: "cart.cart", object: "cart" }],
  [EventEntity.Address, { prefix: EventEntity.Address, object: "address" }],
  [EventEntity.LineItem, { prefix: EventEntity.LineItem, object: "line_item" }],
  [EventEntity.LineItemAdjustment, { prefix: EventEntity.LineItemAdjustment, object: "line_item_adjustment" }],
  [EventEntity.LineItemTaxLine, { prefix: EventEntity.LineItemTaxLine, object: "line_item_tax_line" }],
  [EventEntity.ShippingMethod, { prefix: EventEntity.ShippingMethod, object: "shipping_method" }],
  [EventEntity.ShippingMethodAdjustment, { prefix: EventEntity.ShippingMethodAdjustment, object: "shipping_method_adjustment" }],
  [EventEntity.ShippingMethodTaxLine, { prefix: EventEntity.ShippingMethodTaxLine, object: "shipping_method_tax_line" }],
  [EventEntity.CreditLine, { prefix: EventEntity.CreditLine, object: "credit_line" }],
])

/** The module's own event about one of its rows, named as @medusajs/cart names it; undefined for any other event. */
function rowMessage(event: CartEvent): MedusaEventMessage | undefined {
  const entity = event.origin === "workflow" ? undefined : MEDUSA_ENTITIES.get(event.metadata.object)
  if (entity === undefined) return undefined
  return {
    name: `${entity.prefix}.${event.metadata.action}`,
    data: event.data,
    metadata: { ...event.metadata, object: entity.object, source: CART_MODULE_KEY },
  }
}

/**
 * Sends cartwright's committed events through Medusa's event bus module as `@medusajs/cart` sends its own: the
 * module's events about its rows are internal (`emit(messages, { internal: true })`) and named per entity
 * (`cart.cart.created`, `cart.line-item.updated`), so they never double the `cart.created` / `cart.updated`
 * Medusa's workflows emit for the same write. Every other event (of cartwright's flows, `cart.region_updated`...,
 * or the host's own through `emitEvents`) keeps its name and is not internal, as Medusa's workflow events are not.
 */
export function medusaEventBus(bus: MedusaEventBus): EventBusPort {
  return {
    emit: async (events: readonly CartEvent[]) => {
      const internal: MedusaEventMessage[] = []
      const workflow: MedusaEventMessage[] = []
      for (const event of events) {
        const row = rowMessage(event)
        // Anything else (a flow's workflow event, an event of the host's own through emitEvents) goes out as it is.
        if (row) internal.push(row)
        else workflow.push({ name: event.name, data: event.data, metadata: { ...event.metadata, source: CART_MODULE_KEY } })
      }
      if (internal.length > 0) await bus.emit(internal, { internal: true })
      if (workflow.length > 0) await bus.emit(workflow)
    },
  }
}
