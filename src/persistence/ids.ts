import { ulid } from "ulid"

// Ids are bearer secrets in the Store API (whoever knows a cart id may read and change that cart), so
// every id carries 80 bits of fresh randomness: ulid's plain factory, never its monotonic one, whose
// same-millisecond ids differ by +1 and let a shopper probe its neighbours' carts.
//
// Creation order therefore no longer comes from the id alone. Rows are ordered by
// (created_at, id): created_at defaults to clock_timestamp(), which differs between statements (and
// the cart lock serialises writers of one cart), and within one INSERT the ids are handed out sorted,
// so the id breaks ties in input order. See generateIds.

/** A new id: Medusa's entity prefix, an underscore and a ULID (`cart_01J…`) with 80 fresh random bits. */
export function generateId(prefix: string): string {
  return `${prefix}_${ulid()}`
}

/**
 * `count` new ids for rows written by one statement, ascending: the first input row gets the
 * smallest, so rows that share a `created_at` still come back in input order. Sorting a batch of
 * independent random ids reveals nothing about any other batch's ids.
 */
export function generateIds(prefix: string, count: number): string[] {
  const ids = Array.from({ length: count }, () => generateId(prefix))
  return ids.sort()
}
