import { CURRENCY_MINOR_UNITS, minorUnitOf } from "../../../src/money/currencies"

describe("minorUnitOf", () => {
  it.each([
    ["usd", 2],
    ["eur", 2],
    ["gbp", 2],
    ["jpy", 0],
    ["krw", 0],
    ["clp", 0],
    ["isk", 0],
    ["vnd", 0],
    ["xof", 0],
    ["kwd", 3],
    ["bhd", 3],
    ["omr", 3],
    ["jod", 3],
    ["tnd", 3],
    ["lyd", 3],
    ["iqd", 3],
    ["clf", 4],
    ["uyw", 4],
  ])("knows %s has %i decimals", (code, exponent) => {
    expect(minorUnitOf(code)).toBe(exponent)
  })

  it("looks codes up case-insensitively", () => {
    expect(minorUnitOf("USD")).toBe(2)
    expect(minorUnitOf("Jpy")).toBe(0)
  })

  it("still knows withdrawn codes Medusa seeds, such as hrk", () => {
    expect(minorUnitOf("hrk")).toBe(2)
  })

  it("throws a RangeError naming an unknown code", () => {
    expect(() => minorUnitOf("xyz")).toThrow(new RangeError('Unknown currency code "xyz": no ISO 4217 minor unit is known for it'))
  })

  it("does not resolve Object.prototype members as currencies", () => {
    expect(() => minorUnitOf("constructor")).toThrow(RangeError)
    expect(() => minorUnitOf("__proto__")).toThrow(RangeError)
  })

  it("covers every active ISO 4217 currency with three lower-case letters and an exponent of 0, 2, 3 or 4", () => {
    const entries = Object.entries(CURRENCY_MINOR_UNITS)
    expect(entries.length).toBeGreaterThanOrEqual(155)
    for (const [code, exponent] of entries) {
      expect(code).toMatch(/^[a-z]{3}$/)
      expect([0, 2, 3, 4]).toContain(exponent)
    }
  })
})
