import type { TotalsShippingMethodInput } from "../../../src/totals"
import { ZERO_LINE, aShippingMethod, discountOf, itChecksEachLine, shippingTotalsOf, taxedAt } from "./cart-builder"
import type { LineCase } from "./cart-builder"

describe("shipping method totals", () => {
  itChecksEachLine<LineCase<TotalsShippingMethodInput>>(
    [
      {
        name: "taxes the amount: 10 at 25 % → tax 2.5, total 12.5",
        line: aShippingMethod(10, { tax_lines: taxedAt(25) }),
        equals: {
          ...ZERO_LINE,
          subtotal: "10",
          tax_total: "2.5",
          total: "12.5",
          original_subtotal: "10",
          original_tax_total: "2.5",
          original_total: "12.5",
        },
      },
      {
        name: "applies a discount before tax: (10 − 2) × 25 % = 2 tax, total 10, discount 2 + 0.5 = 2.5",
        line: aShippingMethod(10, { tax_lines: taxedAt(25), adjustments: [discountOf(2)] }),
        equals: {
          subtotal: "10",
          discount_subtotal: "2",
          tax_total: "2",
          total: "10",
          original_total: "12.5",
          original_subtotal: "10",
          original_tax_total: "2.5",
          discount_tax_total: "0.5",
          discount_total: "2.5",
        },
      },
      {
        name: "ignores is_tax_inclusive on a shipping discount: 2 stays 2 (not 2 / 1.25)",
        line: aShippingMethod(10, { tax_lines: taxedAt(25), adjustments: [discountOf(2, true)] }),
        includes: { discount_subtotal: "2", tax_total: "2", total: "10" },
      },
      {
        name: "takes tax out of a tax-inclusive amount: 12 incl. 20 % → subtotal 10, tax 2",
        line: aShippingMethod(12, { is_tax_inclusive: true, tax_lines: taxedAt(20) }),
        includes: { subtotal: "10", tax_total: "2", total: "12", original_total: "12" },
      },
      {
        name: "prices free shipping at zero",
        line: aShippingMethod(0, { tax_lines: taxedAt(20) }),
        equals: ZERO_LINE,
      },
    ],
    ({ line }) => shippingTotalsOf(line),
  )
})
