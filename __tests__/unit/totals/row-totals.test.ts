import { computeCartTotals } from "../../../src/totals"

// Hand-worked per-row values, as Medusa's decorateCartTotals sets them (checked against Medusa's own
// output for the same cart: adjustment 3 → 3.3, tax 10 % → 3 before and 2.7 after discount).
describe("per-row totals", () => {
  const cart = {
    currency_code: "usd",
    items: [
      {
        id: "i1",
        unit_price: "10",
        quantity: "3",
        tax_lines: [{ rate: "10" }],
        adjustments: [{ amount: "3" }, { amount: "1.1", is_tax_inclusive: true }],
      },
    ],
    shipping_methods: [{ id: "s1", amount: "6", tax_lines: [{ rate: "20" }], adjustments: [{ amount: "1" }] }],
    credit_lines: [{ amount: "2" }],
  }

  it("gives each adjustment its net subtotal and its total with the line's tax", () => {
    const { item_rows } = computeCartTotals(cart)
    expect(item_rows[0]!.adjustments.map((row) => [row.subtotal.toFixed(), row.total.toFixed()])).toEqual([
      ["3", "3.3"],
      ["1", "1.1"],
    ])
  })

  it("gives each tax line its tax before (subtotal) and after (total) discounts", () => {
    const { item_rows, shipping_method_rows } = computeCartTotals(cart)
    // item: subtotal 30, discounts 3 + 1 = 4, taxable 26 → 10 % = 2.6; before discounts 3
    expect(item_rows[0]!.tax_lines.map((row) => [row.subtotal.toFixed(), row.total.toFixed()])).toEqual([["3", "2.6"]])
    // shipping: 6, discount 1 → 20 % of 5 = 1, before discount 1.2
    expect(shipping_method_rows[0]!.tax_lines.map((row) => [row.subtotal.toFixed(), row.total.toFixed()])).toEqual([["1.2", "1"]])
    expect(shipping_method_rows[0]!.adjustments.map((row) => [row.subtotal.toFixed(), row.total.toFixed()])).toEqual([["1", "1.2"]])
  })

  it("gives each credit line subtotal = total = its amount", () => {
    expect(computeCartTotals(cart).credit_lines.map((row) => [row.subtotal.toFixed(), row.total.toFixed()])).toEqual([["2", "2"]])
  })

  it("leaves an adjustment's total equal to its subtotal when the line has no tax", () => {
    const untaxed = { ...cart, items: [{ ...cart.items[0]!, tax_lines: [] }] }
    expect(computeCartTotals(untaxed).item_rows[0]!.adjustments[0]!.total.toFixed()).toBe("3")
  })
})
