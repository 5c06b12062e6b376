import { computeCartTotals } from "../../../src/totals"
import type { TotalsItemInput } from "../../../src/totals"
import { ZERO_LINE, aCart, anItem, discountOf, itChecksEachLine, itemTotalsOf, taxedAt } from "./cart-builder"
import type { LineCase } from "./cart-builder"

describe("item totals (rounding: none, Medusa-identical)", () => {
  itChecksEachLine<LineCase<TotalsItemInput>>(
    [
      {
        name: "prices a tax-exclusive item: 10 × 2 = 20, tax 20 % of 20 = 4, total 24",
        line: anItem("10", { quantity: 2, tax_lines: taxedAt(20) }),
        equals: {
          ...ZERO_LINE,
          subtotal: "20",
          tax_total: "4",
          total: "24",
          original_subtotal: "20",
          original_tax_total: "4",
          original_total: "24",
        },
      },
      {
        name: "takes tax out of a tax-inclusive item: 120 incl. 20 % → subtotal 120 / 1.2 = 100, tax 20",
        line: anItem(120, { is_tax_inclusive: true, tax_lines: taxedAt(20) }),
        equals: {
          ...ZERO_LINE,
          subtotal: "100",
          tax_total: "20",
          total: "120",
          original_subtotal: "100",
          original_tax_total: "20",
          original_total: "120",
        },
      },
      {
        name: "adds every tax line: 100 at 10 % + 5 % → tax 10 + 5 = 15, total 115",
        line: anItem(100, { tax_lines: taxedAt(10, 5) }),
        includes: { subtotal: "100", tax_total: "15", total: "115", original_tax_total: "15" },
      },
      {
        name: "divides by 1 + Σ rates for several inclusive tax lines: 115 incl. 10 % + 5 % → 115 / 1.15 = 100",
        line: anItem(115, { is_tax_inclusive: true, tax_lines: taxedAt(10, 5) }),
        includes: { subtotal: "100", tax_total: "15", total: "115", original_total: "115" },
      },
      {
        name: "divides at 20 decimal places, half-up: 100 / 1.07 = 93.45794392523364485981",
        line: anItem(100, { is_tax_inclusive: true, tax_lines: taxedAt(7) }),
        includes: {
          subtotal: "93.45794392523364485981",
          // 93.45794392523364485981 × 0.07, exactly
          tax_total: "6.5420560747663551401867",
          total: "99.9999999999999999999967",
          // original_total is the price as charged; original_subtotal = 100 − 6.5420560747663551401867
          original_total: "100",
          original_subtotal: "93.4579439252336448598133",
        },
      },
      {
        name: "keeps a fractional tax rate exact: 24.99 × 10.75 % = 2.686425",
        line: anItem("24.99", { tax_lines: taxedAt("10.75") }),
        includes: { tax_total: "2.686425", total: "27.676425" },
      },
      {
        name: "applies a pre-tax discount: (100 − 10) × 20 % = 18 tax, total 108, discount 10 + 2 tax = 12",
        line: anItem(100, { tax_lines: taxedAt(20), adjustments: [discountOf(10)] }),
        equals: {
          subtotal: "100",
          discount_subtotal: "10",
          tax_total: "18",
          total: "108",
          original_tax_total: "20",
          original_total: "120",
          original_subtotal: "100",
          discount_tax_total: "2",
          discount_total: "12",
        },
      },
      {
        name: "takes tax out of a tax-inclusive discount: 12 incl. 20 % → 12 / 1.2 = 10 off the subtotal",
        line: anItem(100, { tax_lines: taxedAt(20), adjustments: [discountOf(12, true)] }),
        includes: { discount_subtotal: "10", tax_total: "18", total: "108", discount_total: "12" },
      },
      {
        name: "handles an inclusive discount on an inclusive item: 120 − 12 incl. 20 % → 90 + 18 = 108",
        line: anItem(120, { is_tax_inclusive: true, tax_lines: taxedAt(20), adjustments: [discountOf(12, true)] }),
        equals: {
          subtotal: "100",
          discount_subtotal: "10",
          tax_total: "18",
          total: "108",
          original_total: "120",
          original_subtotal: "100",
          original_tax_total: "20",
          discount_tax_total: "2",
          discount_total: "12",
        },
      },
      {
        name: "treats an inclusive item's non-inclusive discount as pre-tax: 100 − 10 = 90, tax 18, total 108",
        line: anItem(120, { is_tax_inclusive: true, tax_lines: taxedAt(20), adjustments: [discountOf(10)] }),
        includes: { discount_subtotal: "10", tax_total: "18", total: "108" },
      },
      {
        name: "adds several discounts: 4 + 6 = 10 off",
        line: anItem(50, { quantity: 2, tax_lines: taxedAt(20), adjustments: [discountOf(4), discountOf("6")] }),
        includes: { discount_subtotal: "10", tax_total: "18", total: "108" },
      },
      {
        name: "does not clamp a discount above the price: 10 − 15 = −5 taxable, tax −1, total −6",
        line: anItem(10, { tax_lines: taxedAt(20), adjustments: [discountOf(15)] }),
        equals: {
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
        },
      },
      {
        name: "prices an untaxed item at its gross: 7.5 × 4 = 30",
        line: anItem("7.5", { quantity: 4 }),
        equals: { ...ZERO_LINE, subtotal: "30", total: "30", original_subtotal: "30", original_total: "30" },
      },
      {
        name: "keeps a tax-inclusive item without tax lines at its gross: 30 / (1 + 0) = 30",
        line: anItem(30, { is_tax_inclusive: true }),
        includes: { subtotal: "30", total: "30" },
      },
      {
        name: "treats a null is_tax_inclusive as tax-exclusive",
        line: anItem(100, { is_tax_inclusive: null, tax_lines: taxedAt(20) }),
        includes: { total: "120" },
      },
      {
        name: "gives a zero-priced item zero totals",
        line: anItem(0, { quantity: 3, tax_lines: taxedAt(20) }),
        equals: ZERO_LINE,
      },
    ],
    ({ line }) => itemTotalsOf(line),
  )

  describe("quantities", () => {
    it("multiplies large quantities exactly: 19.99 × 1 000 000 000 000 = 19 990 000 000 000", () => {
      expect(itemTotalsOf(anItem("19.99", { quantity: 1e12 }))).toMatchObject({ total: "19990000000000" })
    })

    it("multiplies decimal quantities exactly: 0.1 × 3 = 0.3 (not 0.30000000000000004)", () => {
      expect(itemTotalsOf(anItem(0.1, { quantity: 3 }))).toMatchObject({ total: "0.3" })
    })

    it("adds decimal prices exactly: 0.1 + 0.2 = 0.3", () => {
      const cart = aCart().withItem(anItem(0.1)).withItem(anItem("0.2")).build()
      expect(computeCartTotals(cart).cart.item_total.toFixed()).toBe("0.3")
    })

    it("accepts a fractional quantity given as a string: 2.5 kg × 3.99 = 9.975", () => {
      expect(itemTotalsOf(anItem("3.99", { quantity: "2.5" }))).toMatchObject({ total: "9.975" })
    })
  })

  it("rejects a malformed price with a TypeError naming the value", () => {
    expect(() => itemTotalsOf(anItem("12,50"))).toThrow(new TypeError('Invalid money value: "12,50"'))
  })
})
