import { computeCartTotals } from "../../../src/totals"
import type { TotalsShippingMethodInput } from "../../../src/totals"
import { ZERO_LINE, aCart, aShippingMethod, asStrings, discountOf, taxedAt } from "./cart-builder"

function totalsOf(method: TotalsShippingMethodInput) {
  const [line] = computeCartTotals(aCart().withShippingMethod(method).build()).shipping_methods
  return asStrings(line!)
}

describe("shipping method totals", () => {
  it("taxes the amount: 10 at 25 % → tax 2.5, total 12.5", () => {
    expect(totalsOf(aShippingMethod(10, { tax_lines: taxedAt(25) }))).toEqual({
      ...ZERO_LINE,
      subtotal: "10",
      tax_total: "2.5",
      total: "12.5",
      original_subtotal: "10",
      original_tax_total: "2.5",
      original_total: "12.5",
    })
  })

  it("applies a discount before tax: (10 − 2) × 25 % = 2 tax, total 10, discount 2 + 0.5 = 2.5", () => {
    expect(totalsOf(aShippingMethod(10, { tax_lines: taxedAt(25), adjustments: [discountOf(2)] }))).toEqual({
      subtotal: "10",
      discount_subtotal: "2",
      tax_total: "2",
      total: "10",
      original_total: "12.5",
      original_subtotal: "10",
      original_tax_total: "2.5",
      discount_tax_total: "0.5",
      discount_total: "2.5",
    })
  })

  it("ignores is_tax_inclusive on a shipping discount: 2 stays 2 (not 2 / 1.25)", () => {
    const method = aShippingMethod(10, { tax_lines: taxedAt(25), adjustments: [discountOf(2, true)] })
    expect(totalsOf(method)).toMatchObject({ discount_subtotal: "2", tax_total: "2", total: "10" })
  })

  it("takes tax out of a tax-inclusive amount: 12 incl. 20 % → subtotal 10, tax 2", () => {
    const method = aShippingMethod(12, { is_tax_inclusive: true, tax_lines: taxedAt(20) })
    expect(totalsOf(method)).toMatchObject({ subtotal: "10", tax_total: "2", total: "12", original_total: "12" })
  })

  it("prices free shipping at zero", () => {
    expect(totalsOf(aShippingMethod(0, { tax_lines: taxedAt(20) }))).toEqual(ZERO_LINE)
  })
})
