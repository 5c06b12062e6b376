import { computeCartTotals } from "../../../src/totals"
import type { TotalsItemInput } from "../../../src/totals"
import { ZERO_LINE, aCart, anItem, asStrings, discountOf, taxedAt } from "./cart-builder"

function totalsOf(item: TotalsItemInput) {
  const [line] = computeCartTotals(aCart().withItem(item).build()).items
  return asStrings(line!)
}

describe("item totals (rounding: none, Medusa-identical)", () => {
  it("prices a tax-exclusive item: 10 × 2 = 20, tax 20 % of 20 = 4, total 24", () => {
    expect(totalsOf(anItem("10", { quantity: 2, tax_lines: taxedAt(20) }))).toEqual({
      ...ZERO_LINE,
      subtotal: "20",
      tax_total: "4",
      total: "24",
      original_subtotal: "20",
      original_tax_total: "4",
      original_total: "24",
    })
  })

  it("takes tax out of a tax-inclusive item: 120 incl. 20 % → subtotal 120 / 1.2 = 100, tax 20", () => {
    expect(totalsOf(anItem(120, { is_tax_inclusive: true, tax_lines: taxedAt(20) }))).toEqual({
      ...ZERO_LINE,
      subtotal: "100",
      tax_total: "20",
      total: "120",
      original_subtotal: "100",
      original_tax_total: "20",
      original_total: "120",
    })
  })

  it("adds every tax line: 100 at 10 % + 5 % → tax 10 + 5 = 15, total 115", () => {
    const totals = totalsOf(anItem(100, { tax_lines: taxedAt(10, 5) }))
    expect(totals).toMatchObject({ subtotal: "100", tax_total: "15", total: "115", original_tax_total: "15" })
  })

  it("divides by 1 + Σ rates for several inclusive tax lines: 115 incl. 10 % + 5 % → 115 / 1.15 = 100", () => {
    const totals = totalsOf(anItem(115, { is_tax_inclusive: true, tax_lines: taxedAt(10, 5) }))
    expect(totals).toMatchObject({ subtotal: "100", tax_total: "15", total: "115", original_total: "115" })
  })

  it("divides at 20 decimal places, half-up: 100 / 1.07 = 93.45794392523364485981", () => {
    const totals = totalsOf(anItem(100, { is_tax_inclusive: true, tax_lines: taxedAt(7) }))
    expect(totals).toMatchObject({
      subtotal: "93.45794392523364485981",
      // 93.45794392523364485981 × 0.07, exactly
      tax_total: "6.5420560747663551401867",
      total: "99.9999999999999999999967",
      // original_total is the price as charged; original_subtotal = 100 − 6.5420560747663551401867
      original_total: "100",
      original_subtotal: "93.4579439252336448598133",
    })
  })

  it("keeps a fractional tax rate exact: 24.99 × 10.75 % = 2.686425", () => {
    expect(totalsOf(anItem("24.99", { tax_lines: taxedAt("10.75") }))).toMatchObject({
      tax_total: "2.686425",
      total: "27.676425",
    })
  })

  it("applies a pre-tax discount: (100 − 10) × 20 % = 18 tax, total 108, discount 10 + 2 tax = 12", () => {
    expect(totalsOf(anItem(100, { tax_lines: taxedAt(20), adjustments: [discountOf(10)] }))).toEqual({
      subtotal: "100",
      discount_subtotal: "10",
      tax_total: "18",
      total: "108",
      original_tax_total: "20",
      original_total: "120",
      original_subtotal: "100",
      discount_tax_total: "2",
      discount_total: "12",
    })
  })

  it("takes tax out of a tax-inclusive discount: 12 incl. 20 % → 12 / 1.2 = 10 off the subtotal", () => {
    const totals = totalsOf(anItem(100, { tax_lines: taxedAt(20), adjustments: [discountOf(12, true)] }))
    expect(totals).toMatchObject({ discount_subtotal: "10", tax_total: "18", total: "108", discount_total: "12" })
  })

  it("handles an inclusive discount on an inclusive item: 120 − 12 incl. 20 % → 90 + 18 = 108", () => {
    const item = anItem(120, { is_tax_inclusive: true, tax_lines: taxedAt(20), adjustments: [discountOf(12, true)] })
    expect(totalsOf(item)).toEqual({
      subtotal: "100",
      discount_subtotal: "10",
      tax_total: "18",
      total: "108",
      original_total: "120",
      original_subtotal: "100",
      original_tax_total: "20",
      discount_tax_total: "2",
      discount_total: "12",
    })
  })

  it("treats an inclusive item's non-inclusive discount as pre-tax: 100 − 10 = 90, tax 18, total 108", () => {
    const item = anItem(120, { is_tax_inclusive: true, tax_lines: taxedAt(20), adjustments: [discountOf(10)] })
    expect(totalsOf(item)).toMatchObject({ discount_subtotal: "10", tax_total: "18", total: "108" })
  })

  it("adds several discounts: 4 + 6 = 10 off", () => {
    const item = anItem(50, { quantity: 2, tax_lines: taxedAt(20), adjustments: [discountOf(4), discountOf("6")] })
    expect(totalsOf(item)).toMatchObject({ discount_subtotal: "10", tax_total: "18", total: "108" })
  })

  it("does not clamp a discount above the price: 10 − 15 = −5 taxable, tax −1, total −6", () => {
    expect(totalsOf(anItem(10, { tax_lines: taxedAt(20), adjustments: [discountOf(15)] }))).toEqual({
      subtotal: "10",
      discount_subtotal: "15",
      tax_total: "-1",
      total: "-6",
      original_total: "12",
      original_subtotal: "10",
      original_tax_total: "2",
      // 2 − (−1) = 3 of tax discounted; 15 + 3 = 18 = 12 − (−6)
      discount_tax_total: "3",
      discount_total: "18",
    })
  })

  it("prices an untaxed item at its gross: 7.5 × 4 = 30", () => {
    expect(totalsOf(anItem("7.5", { quantity: 4 }))).toEqual({
      ...ZERO_LINE,
      subtotal: "30",
      total: "30",
      original_subtotal: "30",
      original_total: "30",
    })
  })

  it("keeps a tax-inclusive item without tax lines at its gross: 30 / (1 + 0) = 30", () => {
    expect(totalsOf(anItem(30, { is_tax_inclusive: true }))).toMatchObject({ subtotal: "30", total: "30" })
  })

  it("treats a null is_tax_inclusive as tax-exclusive", () => {
    expect(totalsOf(anItem(100, { is_tax_inclusive: null, tax_lines: taxedAt(20) }))).toMatchObject({ total: "120" })
  })

  it("gives a zero-priced item zero totals", () => {
    expect(totalsOf(anItem(0, { quantity: 3, tax_lines: taxedAt(20) }))).toEqual(ZERO_LINE)
  })

  describe("quantities", () => {
    it("multiplies large quantities exactly: 19.99 × 1 000 000 000 000 = 19 990 000 000 000", () => {
      expect(totalsOf(anItem("19.99", { quantity: 1e12 }))).toMatchObject({ total: "19990000000000" })
    })

    it("multiplies decimal quantities exactly: 0.1 × 3 = 0.3 (not 0.30000000000000004)", () => {
      expect(totalsOf(anItem(0.1, { quantity: 3 }))).toMatchObject({ total: "0.3" })
    })

    it("adds decimal prices exactly: 0.1 + 0.2 = 0.3", () => {
      const cart = aCart().withItem(anItem(0.1)).withItem(anItem("0.2")).build()
      expect(computeCartTotals(cart).cart.item_total.toFixed()).toBe("0.3")
    })

    it("accepts a fractional quantity given as a string: 2.5 kg × 3.99 = 9.975", () => {
      expect(totalsOf(anItem("3.99", { quantity: "2.5" }))).toMatchObject({ total: "9.975" })
    })
  })

  it("rejects a malformed price with a TypeError naming the value", () => {
    expect(() => totalsOf(anItem("12,50"))).toThrow(new TypeError('Invalid money value: "12,50"'))
  })
})
