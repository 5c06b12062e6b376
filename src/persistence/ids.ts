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
// one-statement write that was a tenth of the call's CPU. Random bytes come from a pool filled by
// one randomFillSync per POOL_IDS ids (as Node's randomUUID buffers its entropy): a fill per write
// was a native job of its own. Each byte is handed out once, so no two ids share randomness.

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const RANDOM_BYTES = 10

/** The 48-bit millisecond time as ULID's 10 leading characters (most significant first). */
function encodeTime(ms: number): string {
  let out = ""
  let rest = ms
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD.charAt(rest % 32) + out
    rest = Math.floor(rest / 32)
  }
  return out
}

/** 40 random bits (5 bytes from `offset`) as 8 Crockford characters, 5 bits each, most significant first. */
function encodeForty(bytes: Uint8Array, offset: number): string {
  // Bit by bit rather than as one number divided by 32 eight times: an id is drawn per row written.
  const b0 = bytes[offset]!
  const b1 = bytes[offset + 1]!
  const b2 = bytes[offset + 2]!
  const b3 = bytes[offset + 3]!
  const b4 = bytes[offset + 4]!
  return (
    CROCKFORD.charAt(b0 >> 3) +
    CROCKFORD.charAt(((b0 & 0x07) << 2) | (b1 >> 6)) +
    CROCKFORD.charAt((b1 >> 1) & 0x1f) +
    CROCKFORD.charAt(((b1 & 0x01) << 4) | (b2 >> 4)) +
    CROCKFORD.charAt(((b2 & 0x0f) << 1) | (b3 >> 7)) +
    CROCKFORD.charAt((b3 >> 2) & 0x1f) +
    CROCKFORD.charAt(((b3 & 0x03) << 3) | (b4 >> 5)) +
    CROCKFORD.charAt(b4 & 0x1f)
  )
}

const POOL_IDS = 256
const pool = new Uint8Array(RANDOM_BYTES * POOL_IDS)
let poolNext = pool.length

/** The offset in {@link pool} of 10 fresh random bytes, refilling the pool when it is spent. */
function takeRandom(): number {
  if (poolNext === pool.length) {
    randomFillSync(pool)
    poolNext = 0
  }
  const at = poolNext
  poolNext += RANDOM_BYTES
  return at
}

// The time prefix changes once a millisecond; writes within one reuse it.
let lastMs = -1
let lastTime = ""

function ulids(count: number): string[] {
  const now = Date.now()
  if (now !== lastMs) {
    lastMs = now
    lastTime = encodeTime(now)
  }
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const at = takeRandom()
    out.push(lastTime + encodeForty(pool, at) + encodeForty(pool, at + 5))
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
  const ids = ulids(count)
  for (let i = 0; i < ids.length; i++) ids[i] = `${prefix}_${ids[i]!}`
  return count > 1 ? ids.sort() : ids
}
