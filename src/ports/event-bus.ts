import type { CartEvent } from "../events/cart-events"

/**
 * Where the module sends its events. Called once per committed transaction with every event it
 * produced, never for a rolled-back one. Errors it throws are logged, not re-thrown: the data is committed.
 */
export interface EventBusPort {
  emit(events: readonly CartEvent[]): Promise<void> | void
}

/** The default event bus: drops every event. */
export const noopEventBus: EventBusPort = { emit: () => undefined }

/** An event bus that keeps what it is given, for tests and examples. */
export class InMemoryEventBus implements EventBusPort {
  readonly events: CartEvent[] = []

  /** Records the events. */
  emit(events: readonly CartEvent[]): void {
    this.events.push(...events)
  }

  /** Forgets everything recorded. */
  clear(): void {
    this.events.length = 0
  }
}
