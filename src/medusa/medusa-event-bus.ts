import type { CartEvent } from "../events/cart-events"
import type { EventBusPort } from "../ports/event-bus"
import type { MedusaEventBus, MedusaEventMessage } from "./medusa-shapes"
import { CART_MODULE_KEY } from "./joiner-config"

/**
 * Sends cartwright's committed events through Medusa's event bus module, as Medusa's own modules do:
 * one `emit` with the list, `metadata.source` the module key (`cart`), so subscribers filtering on it match.
 */
export function medusaEventBus(bus: MedusaEventBus): EventBusPort {
  return {
    emit: async (events: readonly CartEvent[]) => {
      const messages: MedusaEventMessage[] = events.map((event) => ({
        name: event.name,
        data: event.data,
        metadata: { ...event.metadata, source: CART_MODULE_KEY },
      }))
      await bus.emit(messages)
    },
  }
}
