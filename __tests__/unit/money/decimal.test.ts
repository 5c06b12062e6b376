import { Decimal } from "decimal.js"
import { MoneyDecimal, toDecimal } from "../../../src/money/decimal"
import { divideToPlaces } from "../../../src/money/divide"

describe("toDecimal", () => {
  it("returns MoneyDecimal instances whatever Decimal clone it is given", () => {
    const fromGlobal = toDecimal(new Decimal("2.5"))
    expect(fromGlobal).toBeInstanceOf(MoneyDecimal)
    // 40 significant digits apply to arithmetic on it, not the global 20.
    expect(fromGlobal.div(3).toFixed()).toBe("0.8333333333333333333333333333333333333333")
  })

  it("accepts exponent strings but returns plain notation: 1.5e-8 → 0.000000015", () => {
    expect(toDecimal("1.5e-8").toString()).toBe("0.000000015")
  })

  it("reads raw objects and numbers", () => {
    expect(toDecimal({ value: "20.5", precision: 20 }).toFixed()).toBe("20.5")
    expect(toDecimal(0.1).plus(0.2).toFixed()).toBe("0.3")
  })
})

describe("divideToPlaces", () => {
  const d = (value: string) => toDecimal(value)

  it("divides at 20 places, half-up: 100 / 1.07 = 93.45794392523364485981", () => {
    expect(divideToPlaces(d("100"), d("1.07")).toFixed()).toBe("93.45794392523364485981")
  })

  it("leaves an exact quotient as it is: 120 / 1.2 = 100", () => {
    expect(divideToPlaces(d("120"), d("1.2")).toFixed()).toBe("100")
  })

  it("breaks ties away from zero like bignumber.js: 1 / 8 at 2 places = 0.13, −1 / 8 = −0.13", () => {
    expect(divideToPlaces(d("1"), d("8"), 2).toFixed()).toBe("0.13")
    expect(divideToPlaces(d("-1"), d("8"), 2).toFixed()).toBe("-0.13")
    expect(divideToPlaces(d("1"), d("-8"), 2).toFixed()).toBe("-0.13")
  })

  it("rounds once, from the exact remainder (no double rounding through 40 digits)", () => {
    // 1.000…0004999…9 (45 nines): a 40-digit intermediate would round it to the tie 1.…05 and then up.
    const justBelowTie = d(`1.00000000000000000000${"4" + "9".repeat(45)}`)
    expect(divideToPlaces(justBelowTie, d("1")).toFixed()).toBe("1")
  })

  it("returns zero for a zero dividend and refuses a zero divisor", () => {
    expect(divideToPlaces(d("0"), d("1.2")).toFixed()).toBe("0")
    expect(() => divideToPlaces(d("1"), d("0"))).toThrow(RangeError)
  })
})
