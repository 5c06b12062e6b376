import type { CartEvent } from "../events/cart-events"
import type { EventBusPort } from "../ports/event-bus"
import type { LoggerPort } from "../ports/logger"

/**
 * Hands committed writes' events to the event bus port, waiting at most `eventMs`: a failing or hung
 * bus is logged, never thrown, so it can neither fail nor block a write that already committed.
 */
export class EventPublisher {
  constructor(
    private readonly eventBus: EventBusPort,
    private readonly logger: LoggerPort,
    private readonly eventMs: number,
  ) {}

  /** Publishes `events` (nothing to do for none); resolves once the bus returned or `eventMs` passed. */
  async publish(events: readonly CartEvent[]): Promise<void> {
    if (events.length === 0) return
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), this.eventMs)
      timer.unref?.()
    })
    try {
      const delivered = Promise.resolve().then(() => this.eventBus.emit(events))
      delivered.catch(() => undefined)
      const outcome = await Promise.race([delivered.then(() => "delivered" as const), timedOut])
      if (outcome === "timeout") {
        this.logger.error(`event bus did not return within ${this.eventMs} ms after commit; not waiting for it`, { count: events.length })
        delivered.catch((error: unknown) =>
          this.logger.error("event bus failed after commit; events lost", { error, count: events.length }),
        )
      }
    } catch (error) {
      this.logger.error("event bus failed after commit; events lost", { error, count: events.length })
    } finally {
      clearTimeout(timer)
    }
  }
}
