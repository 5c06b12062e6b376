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
})
