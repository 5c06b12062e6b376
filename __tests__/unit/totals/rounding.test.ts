import { computeCartTotals } from "../../../src/totals"
import type { RoundingMode, TotalsItemInput } from "../../../src/totals"
import { aCart, aShippingMethod, anItem, asStrings, discountOf, itChecksEachLine, itemTotalsOf, taxedAt } from "./cart-builder"
import type { LineCase } from "./cart-builder"

/** An item case rounded in `currency`'s minor unit with `mode`. */
type RoundedCase = LineCase<TotalsItemInput> & { readonly currency: string; readonly mode: RoundingMode }

function itemTotals(item: TotalsItemInput, currency: string, mode: RoundingMode) {
  return itemTotalsOf(item, currency, { rounding: { mode } })
}

describe("rounding to the currency's minor unit", () => {
  const item = anItem("24.99", { tax_lines: taxedAt("10.75") })

  it("keeps 24.99 × 10.75 % = 2.686425 exact without rounding (the default)", () => {
    expect(computeCartTotals(aCart().withItem(item).build()).items[0]!.tax_total.toFixed()).toBe("2.686425")
  })

  it("rounds 24.99 × 10.75 % = 2.686425 to 2.69 USD, total 24.99 + 2.69 = 27.68", () => {
    const totals = computeCartTotals(aCart("usd").withItem(item).build(), { rounding: { mode: "half_even" } })
    expect(totals.items[0]!.tax_total.toFixed()).toBe("2.69")
    expect(totals.cart.tax_total.toFixed()).toBe("2.69")
    expect(totals.cart.total.toFixed()).toBe("27.68")
  })

  itChecksEachLine<RoundedCase>(
    [
      {
        name: "rounds JPY to whole yen: 999 × 8 % = 79.92 → 80, total 1079",
        line: anItem(999, { tax_lines: taxedAt(8) }),
        currency: "jpy",
        mode: "half_even",
        includes: { tax_total: "80", total: "1079" },
      },
      {
        name: "keeps a JPY inclusive price whole: 1000 incl. 10 % → tax 90.909… → 91, subtotal 1000 − 91 = 909",
        line: anItem(1000, { is_tax_inclusive: true, tax_lines: taxedAt(10) }),
        currency: "jpy",
        mode: "half_even",
        includes: { subtotal: "909", tax_total: "91", total: "1000", original_total: "1000", original_subtotal: "909" },
      },
      {
        name: "rounds KWD to 3 decimals: 1.234 × 5 % = 0.0617 → 0.062, total 1.296",
        line: anItem("1.234", { tax_lines: taxedAt(5) }),
        currency: "kwd",
        mode: "half_up",
        includes: { tax_total: "0.062", total: "1.296" },
      },
      {
        name: "rounds per tax line even when the sum would round differently: 0.30 at 5 % + 5 % → 0.015 + 0.015 → 0.02 + 0.02",
        line: anItem("0.30", { tax_lines: taxedAt(5, 5) }),
        currency: "usd",
        mode: "half_up",
        // One 10 % line would give 0.03; two 5 % lines round to 0.02 each (half_up), so the tax is 0.04.
        includes: { tax_total: "0.04" },
      },
      {
        name: "keeps the shelf price of an inclusive item: 10.00 incl. 7 % → tax 0.6542… → 0.65, subtotal 9.35",
        line: anItem(10, { is_tax_inclusive: true, tax_lines: taxedAt(7) }),
        currency: "usd",
        mode: "half_even",
        equals: {
          subtotal: "9.35",
          tax_total: "0.65",
          total: "10",
          discount_total: "0",
          discount_subtotal: "0",
          discount_tax_total: "0",
          original_total: "10",
          original_subtotal: "9.35",
          original_tax_total: "0.65",
        },
      },
      {
        name: "rounds a tax-inclusive discount: 5 incl. 7 % → 4.6728… → 4.67 off",
        line: anItem(100, { tax_lines: taxedAt(7), adjustments: [discountOf(5, true)] }),
        currency: "usd",
        mode: "half_even",
        // taxable 100 − 4.67 = 95.33; tax 7 % of the exact 95.3271… = 6.6728… → 6.67; total 102.00
        includes: {
          discount_subtotal: "4.67",
          tax_total: "6.67",
          total: "102",
          original_tax_total: "7",
          discount_tax_total: "0.33",
          discount_total: "5",
        },
      },
      {
        name: "taxes the exact base even when a discount rounds away: 10.025 − 0.004 → tax 2.0042 → 2.00, total 12.03",
        line: anItem("10.025", { tax_lines: taxedAt(20), adjustments: [discountOf("0.004")] }),
        currency: "usd",
        mode: "half_up",
        // subtotal 10.025 → 10.03; discount 0.004 → 0.00; tax before the discount 2.005 → 2.01, after it 2.00.
        equals: {
          subtotal: "10.03",
          discount_subtotal: "0",
          tax_total: "2",
          total: "12.03",
          original_tax_total: "2.01",
          original_total: "12.04",
          original_subtotal: "10.03",
          discount_tax_total: "0.01",
          discount_total: "0.01",
        },
      },
      {
        name: "rounds a fractional gross: 3.99 × 0.333 kg = 1.32867 → 1.33",
        line: anItem("3.99", { quantity: "0.333" }),
        currency: "usd",
        mode: "half_even",
        includes: { subtotal: "1.33", total: "1.33" },
      },
    ],
    ({ line, currency, mode }) => itemTotals(line, currency, mode),
  )

  it("breaks a tie to even with half_even and up with half_up: 2.50 × 5 % = 0.125 → 0.12 vs 0.13", () => {
    const tie = anItem("2.50", { tax_lines: taxedAt(5) })
    expect(itemTotals(tie, "usd", "half_even")).toMatchObject({ tax_total: "0.12", total: "2.62" })
    expect(itemTotals(tie, "usd", "half_up")).toMatchObject({ tax_total: "0.13", total: "2.63" })
  })

  it("breaks a KWD tie at the third decimal: 1.25 × 5 % = 0.0625 → 0.062 (half_even) vs 0.063 (half_up)", () => {
    const tie = anItem("1.25", { tax_lines: taxedAt(5) })
    expect(itemTotals(tie, "kwd", "half_even").tax_total).toBe("0.062")
    expect(itemTotals(tie, "kwd", "half_up").tax_total).toBe("0.063")
  })

  it("sums rounded lines into the cart: 3 × (0.30 × 5 % = 0.015 → 0.02) = 0.06, not round(0.045) = 0.05", () => {
    const line = anItem("0.30", { tax_lines: taxedAt(5) })
    const cart = aCart().withItem(line).withItem(line).withItem(line).build()
    const totals = computeCartTotals(cart, { rounding: { mode: "half_up" } })
    expect(totals.cart.tax_total.toFixed()).toBe("0.06")
    expect(totals.cart.item_total.toFixed()).toBe("0.96")
  })

  it("rounds shipping and credit lines too: 4.99 at 7.25 % = 0.361775 → 0.36; credit 1.005 → 1.00", () => {
    const cart = aCart()
      .withShippingMethod(aShippingMethod("4.99", { tax_lines: taxedAt("7.25") }))
      .withCreditLine("1.005")
      .build()
    const totals = computeCartTotals(cart, { rounding: { mode: "half_even" } })
    expect(asStrings(totals.cart)).toMatchObject({
      shipping_tax_total: "0.36",
      shipping_total: "5.35",
      credit_line_total: "1",
      total: "4.35",
    })
  })

  it("never returns negative zero: −0.001 rounds to 0, not −0", () => {
    const dust = anItem("-0.001")
    const total = computeCartTotals(aCart().withItem(dust).build(), { rounding: { mode: "half_up" } }).items[0]!.total
    expect(total.isNegative()).toBe(false)
    expect(total.toFixed()).toBe("0")
  })

  it("rejects rounding in a currency with no known minor unit", () => {
    expect(() => computeCartTotals(aCart("xyz").build(), { rounding: { mode: "half_up" } })).toThrow(RangeError)
  })
})
