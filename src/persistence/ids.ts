import { monotonicFactory } from "ulid"

// Monotonic so ids generated in the same millisecond still sort in creation order:
// related rows are returned ordered by id, which must equal creation order.
const nextUlid = monotonicFactory()

/** A new id: Medusa's entity prefix, an underscore and a ULID (`cart_01J…`). */
export function generateId(prefix: string): string {
  return `${prefix}_${nextUlid()}`
}
