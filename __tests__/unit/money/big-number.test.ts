import { Decimal } from "decimal.js"
import { BigNumber } from "../../../src/money/big-number"

describe("BigNumber", () => {
  it("round-trips 0.1 exactly through raw", () => {
    const price = new BigNumber("0.1")
    expect(price.raw).toEqual({ value: "0.1", precision: 20 })
    expect(new BigNumber(price.raw).raw).toEqual({ value: "0.1", precision: 20 })
  })

  it("keeps all 29 digits of 12345678901234567890.123456789 in raw and toString", () => {
    const big = new BigNumber("12345678901234567890.123456789")
    expect(big.raw.value).toBe("12345678901234567890.123456789")
    expect(big.toString()).toBe("12345678901234567890.123456789")
    expect(new BigNumber(big.raw).toString()).toBe("12345678901234567890.123456789")
    // Only the JS number view loses digits.
    expect(big.numeric).toBe(12345678901234567890.123456789)
  })

  it("serialises to a JSON number, as Medusa's BigNumber does", () => {
    expect(new BigNumber("20.5").toJSON()).toBe(20.5)
    expect(JSON.stringify({ total: new BigNumber("20.50") })).toBe('{"total":20.5}')
  })

  it("behaves as a number in arithmetic through valueOf", () => {
    const price = new BigNumber("19.99")
    expect(price.valueOf()).toBe(19.99)
    expect(+price).toBe(19.99)
    expect(Number(price) * 2).toBe(39.98)
  })

  it("builds from a raw object with its own precision", () => {
    expect(new BigNumber({ value: "20.5", precision: 30 }).raw).toEqual({ value: "20.5", precision: 30 })
    expect(new BigNumber({ value: 7 }).raw).toEqual({ value: "7", precision: 20 })
  })

  it("builds from a number, a Decimal of any clone, and another BigNumber (keeping its precision)", () => {
    expect(new BigNumber(3.25).raw.value).toBe("3.25")
    expect(new BigNumber(new Decimal("1.5")).raw.value).toBe("1.5")
    expect(new BigNumber(new BigNumber({ value: "2", precision: 12 })).raw).toEqual({ value: "2", precision: 12 })
    expect(new BigNumber(new BigNumber("2"), { precision: 5 }).raw.precision).toBe(5)
  })

  it("exposes the exact value as a Decimal", () => {
    expect(new BigNumber("0.1").bigNumber.plus("0.2").toFixed()).toBe("0.3")
  })

  it("never writes exponent notation into raw: 1e-7 → 0.0000001, 1e21 → 1000000000000000000000", () => {
    expect(new BigNumber(1e-7).raw.value).toBe("0.0000001")
    expect(new BigNumber(1e21).raw.value).toBe("1000000000000000000000")
    expect(new BigNumber("1.5e3").toString()).toBe("1500")
  })

  it.each([["abc"], ["12,50"], ["0x10"], ["NaN"], ["Infinity"], [""], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    "rejects %p with a TypeError",
    (input) => {
      expect(() => new BigNumber(input)).toThrow(TypeError)
    },
  )

  it("rejects a missing value from an untyped caller", () => {
    expect(() => new BigNumber(null as unknown as string)).toThrow(/Invalid money value/)
  })

  it("is told apart from a different value by toEqual", () => {
    expect(new BigNumber("1")).toEqual(new BigNumber(1))
    expect(new BigNumber("1")).not.toEqual(new BigNumber("2"))
  })

  it("leaves the global decimal.js configuration alone", () => {
    new BigNumber("1").bigNumber.div(3)
    expect(Decimal.precision).toBe(20)
    expect(Decimal.rounding).toBe(Decimal.ROUND_HALF_UP)
  })
})
