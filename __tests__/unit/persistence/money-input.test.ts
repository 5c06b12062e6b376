import fc from "fast-check"
import { decimalOrUndefined } from "../../../src/money/decimal"
import { toStoredMoney } from "../../../src/persistence/money-input"

/** The stored text as the money module alone spells it (the oracle). */
function oracle(input: string): string | undefined {
  return decimalOrUndefined(input)?.toFixed()
}

const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(..."0123456789"), { minLength: min, maxLength: max }).map((d) => d.join(""))

describe("stored money", () => {
  it("stores a decimal string as the money module spells it, whatever its zeros, sign or exponent", () => {
    const spelling = fc
      .tuple(fc.constantFrom("", "-", "+"), digits(0, 20), fc.constantFrom("", "."), digits(0, 20), fc.constantFrom("", "e2", "e-3"))
      .map(([sign, whole, point, fraction, exponent]) => `${sign}${whole}${point}${fraction}${exponent}`)
    fc.assert(
      fc.property(spelling, (input) => {
        const expected = oracle(input)
        if (expected === undefined) {
          expect(() => toStoredMoney(input)).toThrow()
          return
        }
        expect(toStoredMoney(input)).toEqual({ numeric: expected, raw: { value: expected, precision: 20 } })
      }),
      { numRuns: 2000 },
    )
  })

  it("drops a price's trailing zeros and a bare point", () => {
    expect(toStoredMoney("12.50").numeric).toBe("12.5")
    expect(toStoredMoney("5.00").numeric).toBe("5")
    expect(toStoredMoney("0.000").numeric).toBe("0")
    expect(toStoredMoney("100").numeric).toBe("100")
  })
})
