import { computeCartTotals } from "../../../src/totals"
import { aCart, anItem } from "./cart-builder"

function creditOf(currency: string, ...amounts: (string | number)[]) {
  let cart = aCart(currency).withItem(anItem(100))
  for (const amount of amounts) cart = cart.withCreditLine(amount)
  const totals = computeCartTotals(cart.build()).cart
  return {
    credit_line_total: totals.credit_line_total.toFixed(),
    credit_line_subtotal: totals.credit_line_subtotal.toFixed(),
    credit_line_tax_total: totals.credit_line_tax_total.toFixed(),
    total: totals.total.toFixed(),
  }
}

describe("credit lines", () => {
  it("subtracts the sum of the credit lines from the total: 100 − (5 + 2.5) = 92.5", () => {
    expect(creditOf("usd", 5, "2.5")).toEqual({
      credit_line_total: "7.5",
      credit_line_subtotal: "7.5",
      credit_line_tax_total: "0",
      total: "92.5",
    })
  })

  it("is zero without credit lines", () => {
    expect(creditOf("usd")).toMatchObject({ credit_line_total: "0", total: "100" })
  })

  it("drops a sum below the smallest unit: 0.004 + 0.004 = 0.008 < 0.01 USD → 0", () => {
    expect(creditOf("usd", "0.004", "0.004")).toMatchObject({ credit_line_total: "0", total: "100" })
  })

  it("keeps a sum at or above the smallest unit exactly: 0.006 + 0.006 = 0.012 ≥ 0.01 USD", () => {
    expect(creditOf("usd", "0.006", "0.006")).toMatchObject({ credit_line_total: "0.012", total: "99.988" })
  })

  it("compares the magnitude, so a negative dust sum is dropped too: |−0.009| < 0.01", () => {
    expect(creditOf("usd", "-0.009")).toMatchObject({ credit_line_total: "0" })
  })

  it("counts a sum exactly at the epsilon as zero, as Medusa's `<=` does: 0.01 USD → 0, 0.0101 kept", () => {
    expect(creditOf("usd", "0.01")).toMatchObject({ credit_line_total: "0", credit_line_subtotal: "0", total: "100" })
    expect(creditOf("usd", "0.0101").credit_line_total).toBe("0.0101")
  })

  it("uses the currency's epsilon from Medusa's table: 1 JPY → 0, 1.5 JPY kept, 0.001 KWD → 0, 0.0011 KWD kept", () => {
    expect(creditOf("jpy", "1").credit_line_total).toBe("0")
    expect(creditOf("jpy", "1.5").credit_line_total).toBe("1.5")
    expect(creditOf("kwd", "0.001").credit_line_total).toBe("0")
    expect(creditOf("kwd", "0.0011").credit_line_total).toBe("0.0011")
  })

  it("follows Medusa's digits where they differ from ISO 4217: HUF has 0, so 0.9 HUF → 0", () => {
    expect(creditOf("huf", "0.9").credit_line_total).toBe("0")
  })

  it("gives an unknown or made-up currency Medusa's default epsilon of 0.01, and never throws", () => {
    expect(creditOf("xyz", "0.01").credit_line_total).toBe("0")
    expect(creditOf("xyz", "0.02").credit_line_total).toBe("0.02")
    expect(creditOf("not-a-currency", 1)).toMatchObject({ credit_line_total: "1", total: "99" })
  })

  it("does not need the currency when there are no credit lines and no rounding", () => {
    expect(creditOf("xyz")).toMatchObject({ credit_line_total: "0", total: "100" })
  })
})
