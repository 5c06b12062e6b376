import BigNumberJs from "bignumber.js"
import { Decimal } from "decimal.js"
import { BigNumber } from "../../../src/money/big-number"
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

describe("toDecimal reads what Medusa passes as money (its BigNumberInput)", () => {
  it("reads a bignumber.js value (MathBN) exactly, without a bignumber.js of its own", () => {
    expect(toDecimal(new BigNumberJs("12345678901234567.123456789")).toFixed()).toBe("12345678901234567.123456789")
    expect(toDecimal(new BigNumberJs("1e-7")).toFixed()).toBe("0.0000001")
    expect(toDecimal(new BigNumberJs(-3.5)).toFixed()).toBe("-3.5")
  })

  it("refuses a bignumber.js NaN or infinity", () => {
    expect(() => toDecimal(new BigNumberJs(NaN))).toThrow("Invalid money value")
    expect(() => toDecimal(new BigNumberJs(Infinity))).toThrow("Invalid money value")
  })

  it("reads a Medusa-style BigNumber through its raw value, not its bignumber.js `bigNumber`", () => {
    const medusaLike = { numeric: 0.1, raw: { value: "0.1000000000000000000001", precision: 20 }, bigNumber: new BigNumberJs("9") }
    expect(toDecimal(medusaLike).toFixed()).toBe("0.1000000000000000000001")
    expect(toDecimal({ numeric: 7.25 }).toFixed()).toBe("7.25")
  })

  it("reads our own BigNumber through its Decimal, and keeps its precision when copied", () => {
    const ours = new BigNumber("3.14", { precision: 4 })
    expect(toDecimal(ours).toFixed()).toBe("3.14")
    expect(new BigNumber(ours).raw).toEqual({ value: "3.14", precision: 4 })
    expect(new BigNumber({ numeric: 1, raw: { value: "1", precision: 6 } }).raw).toEqual({ value: "1", precision: 6 })
  })

  it("refuses objects that are no money at all", () => {
    expect(() => toDecimal({} as never)).toThrow("Invalid money value")
    expect(() => toDecimal({ toFixed: () => "1" } as never)).toThrow("Invalid money value")
  })
})
