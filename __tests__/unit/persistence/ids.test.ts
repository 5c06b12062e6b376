import { generateId, generateIds } from "../../../src/persistence/ids"

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/** The 80-bit random part of a ULID id (its last 16 Crockford base-32 characters) as a number. */
function randomPart(id: string): bigint {
  const ulid = id.slice(id.indexOf("_") + 1)
  let value = 0n
  for (const char of ulid.slice(10)) value = value * 32n + BigInt(CROCKFORD.indexOf(char))
  return value
}

describe("ids", () => {
  it("keep Medusa's shape: prefix, underscore, 26-character ULID", () => {
    expect(generateId("cart")).toMatch(/^cart_[0-9A-HJKMNP-TV-Z]{26}$/)
  })

  it("carry fresh randomness: ids from one tight loop are never increments of each other", () => {
    const ids = Array.from({ length: 2000 }, () => generateId("cart"))
    const randoms = ids.map(randomPart)
    // A monotonic factory makes same-millisecond ids differ by exactly 1; fresh 80-bit values
    // differ by less than 2^40 with probability ~2^-40 per pair.
    const close = randoms.filter((value, i) => {
      const previous = randoms[i - 1]
      if (previous === undefined) return false
      const gap = value > previous ? value - previous : previous - value
      return gap < 2n ** 40n
    })
    expect(close).toEqual([])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it("hand out a statement's ids ascending, so a batch keeps input order", () => {
    const ids = generateIds("cali", 500)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(500)
  })

  it("start with the creation time in ULID's 48-bit millisecond encoding", () => {
    const before = Date.now()
    const ulid = generateId("cart").slice("cart_".length)
    let ms = 0
    for (const char of ulid.slice(0, 10)) ms = ms * 32 + CROCKFORD.indexOf(char)
    expect(ms).toBeGreaterThanOrEqual(before)
    expect(ms).toBeLessThanOrEqual(Date.now())
  })

  it("use every random character: over many ids each position takes all 32 values", () => {
    const ulids = generateIds("x", 4000).map((id) => id.slice(2))
    for (let position = 10; position < 26; position++) {
      expect(new Set(ulids.map((ulid) => ulid[position])).size).toBe(32)
    }
  })
})
