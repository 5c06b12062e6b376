import { MoneyDecimal } from "../../../src/money/decimal"
import { computeCartTotals } from "../../../src/totals"
import type { CartTotals, TotalsCartInput } from "../../../src/totals"
import { aCart, aShippingMethod, anItem, asStrings, discountOf, taxedAt } from "./cart-builder"

// Two items and a shipping method, each worked by hand:
//   item A: 50 × 2 = 100 at 20 %, 10 off        → subtotal 100, discount 10, tax 18, total 108, original 120
//   item B: 24 incl. 20 %                          → subtotal 20, tax 4, total 24, original 24
//   shipping: 10 at 20 %, 5 off                    → subtotal 10, discount 5, tax 1, total 6, original 12
//   credit line: 8
const cart: TotalsCartInput = aCart()
  .withItem(anItem(50, { quantity: 2, tax_lines: taxedAt(20), adjustments: [discountOf(10)] }))
  .withItem(anItem(24, { is_tax_inclusive: true, tax_lines: taxedAt(20) }))
  .withShippingMethod(aShippingMethod(10, { tax_lines: taxedAt(20), adjustments: [discountOf(5)] }))
  .withCreditLine(8)
  .build()

describe("cart totals", () => {
  const result = computeCartTotals(cart)

  it.each<{ readonly name: string; readonly includes: Partial<Record<keyof CartTotals, string>> }>([
    {
      name: "sums the items into item_*: 108 + 24 = 132 total, 100 + 20 = 120 subtotal, 18 + 4 = 22 tax",
      includes: {
        item_total: "132",
        item_subtotal: "120",
        item_tax_total: "22",
        item_discount_total: "12",
        item_discount_subtotal: "10",
        item_discount_tax_total: "2",
        original_item_total: "144",
        original_item_subtotal: "120",
        original_item_tax_total: "24",
      },
    },
    {
      name: "sums the shipping methods into shipping_*: total 6, discount 5 + 1 tax = 6",
      includes: {
        shipping_total: "6",
        shipping_subtotal: "10",
        shipping_tax_total: "1",
        shipping_discount_total: "6",
        shipping_discount_subtotal: "5",
        shipping_discount_tax_total: "1",
        original_shipping_total: "12",
        original_shipping_subtotal: "10",
        original_shipping_tax_total: "2",
      },
    },
    {
      name: "adds items and shipping, then takes the credit off the total: 132 + 6 − 8 = 130",
      includes: {
        total: "130",
        subtotal: "130",
        tax_total: "23",
        discount_total: "18",
        discount_subtotal: "15",
        discount_tax_total: "3",
        original_total: "156",
        original_subtotal: "130",
        original_tax_total: "26",
        credit_line_total: "8",
        credit_line_subtotal: "8",
        credit_line_tax_total: "0",
      },
    },
  ])("$name", ({ includes }) => {
    expect(asStrings(result.cart)).toMatchObject(includes)
  })

  it("returns the line totals in the input's order", () => {
    expect(result.items.map((line) => line.total.toFixed())).toEqual(["108", "24"])
    expect(result.shipping_methods.map((line) => line.total.toFixed())).toEqual(["6"])
  })

  it("gives an empty cart zero totals", () => {
    const empty = computeCartTotals(aCart().build())
    expect(Object.values(asStrings(empty.cart)).every((value) => value === "0")).toBe(true)
    expect(empty.items).toEqual([])
    expect(empty.shipping_methods).toEqual([])
  })

  it("does not mutate its input", () => {
    const frozen = deepFreeze(structuredClone(cart))
    expect(() => computeCartTotals(frozen, { rounding: { mode: "half_even" } })).not.toThrow()
    expect(frozen).toEqual(cart)
  })

  // Speed is measured by `npm run bench` (its 200-item phase), never asserted here: a CPU-time
  // bound in a test fails on a busy or slow machine while the code is fine.
  it("computes a 200-item cart: every line, and the cart total as the sum of the lines", () => {
    let big = aCart()
    for (let i = 0; i < 200; i++) {
      big = big.withItem(anItem(`${10 + (i % 37)}.99`, { quantity: 1 + (i % 3), tax_lines: taxedAt(20) }))
    }
    const totals = computeCartTotals(big.build())
    expect(totals.items).toHaveLength(200)
    const sumOfLines = totals.items.reduce((sum, line) => sum.plus(line.total), new MoneyDecimal(0))
    expect(totals.cart.item_total.toFixed()).toBe(sumOfLines.toFixed())
    // Line 0: 10.99 × 1 at 20 % = 13.188; line 1: 11.99 × 2 at 20 % = 28.776.
    expect(totals.items.slice(0, 2).map((line) => line.total.toFixed())).toEqual(["13.188", "28.776"])
  })
})

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}
