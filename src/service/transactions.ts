import { InvalidDataError } from "../errors/errors"
import type { CartEvent } from "../events/cart-events"
import type { CartContext, UnitOfWork } from "../persistence/unit-of-work"

/** What a caller does with the unit of work directly: join calls into one transaction, emit events after it commits. */
export class Transactions {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Runs `work` in one transaction; every call given its context joins it. */
  run<T>(work: (sharedContext: CartContext) => Promise<T>): Promise<T> {
    return this.unitOfWork.transaction(work)
  }

  /** Hands events to the event bus after `ctx`'s transaction commits (at once without one). @throws InvalidDataError */
  async emitAfterCommit(events: readonly CartEvent[], ctx?: CartContext): Promise<void> {
    if (!Array.isArray(events)) throw InvalidDataError.because("events must be a list", ["events"])
    await this.unitOfWork.emitAfterCommit(ctx, events)
  }
}
