import { randomFillSync } from "node:crypto"

// Ids are bearer secrets in the Store API (whoever knows a cart id may read and change that cart), so
// every id carries 80 bits of fresh randomness: a ULID's random part drawn anew for each id, never
// incremented as a monotonic ULID factory does (same-millisecond ids would differ by +1 and let a
// shopper probe its neighbours' carts).
//
// Creation order therefore no longer comes from the id alone. Rows are ordered by
// (created_at, id): created_at defaults to clock_timestamp(), which differs between statements (and
// the cart lock serialises writers of one cart), and within one INSERT the ids are handed out sorted,
// so the id breaks ties in input order. See generateIds.
//
// Encoded here rather than with the `ulid` package, which draws one random byte per character: on a
// one-statement write that was a tenth of the call's CPU. One fill serves a whole batch.

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const RANDOM_BYTES = 10

/** The 48-bit millisecond time as ULID's 10 leading characters (most significant first). */
function encodeTime(ms: number): string {
  let out = ""
  let rest = ms
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[rest % 32]! + out
    rest = Math.floor(rest / 32)
  }
  return out
}

/** 40 random bits (5 bytes from `offset`) as 8 Crockford characters. */
function encodeForty(bytes: Uint8Array, offset: number): string {
  // 2^40 fits a double exactly, so plain arithmetic keeps every bit.
  let value = 0
  for (let i = 0; i < 5; i++) value = value * 256 + bytes[offset + i]!
  let out = ""
  for (let i = 0; i < 8; i++) {
    out = CROCKFORD[value % 32]! + out
    value = Math.floor(value / 32)
  }
  return out
}

function ulids(count: number): string[] {
  const bytes = randomFillSync(new Uint8Array(RANDOM_BYTES * count))
  const time = encodeTime(Date.now())
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const at = i * RANDOM_BYTES
    out.push(time + encodeForty(bytes, at) + encodeForty(bytes, at + 5))
  }
  return out
}

/** A new id: Medusa's entity prefix, an underscore and a ULID (`cart_01J…`) with 80 fresh random bits. */
export function generateId(prefix: string): string {
  return `${prefix}_${ulids(1)[0]!}`
}

/**
 * `count` new ids for rows written by one statement, ascending: the first input row gets the
 * smallest, so rows that share a `created_at` still come back in input order. Sorting a batch of
 * independent random ids reveals nothing about any other batch's ids.
 */
export function generateIds(prefix: string, count: number): string[] {
  return ulids(count)
    .map((ulid) => `${prefix}_${ulid}`)
    .sort()
}
