import { ZERO, add, subtract, sumOf } from "./arithmetic"
import type { LineBreakdown } from "./line-breakdown"
import type { LineTotals } from "./totals-result"

/** Sums a line's parts into its nine totals (exact or rounded, whichever parts it is given). */
export function lineTotalsOf(parts: LineBreakdown): LineTotals {
  const taxTotal = sumOf(parts.taxLineTotals)
  const undiscounted = parts.taxLineTotals === parts.taxLineSubtotals
  const originalTaxTotal = undiscounted ? taxTotal : sumOf(parts.taxLineSubtotals)
  const discountTaxTotal = undiscounted ? ZERO : subtract(originalTaxTotal, taxTotal)
  const originalTotal = parts.inclusive ? parts.gross : add(parts.subtotal, originalTaxTotal)
  return {
    // Without discounts a tax-exclusive line's total is its original total; reuse it rather than add again.
    // (Decided on the tax lines, not on taxable: a discount that rounds to 0 can still change the tax.)
    total: !parts.inclusive && undiscounted ? originalTotal : add(parts.taxable, taxTotal),
    subtotal: parts.subtotal,
    tax_total: taxTotal,
    discount_total: add(parts.discountSubtotal, discountTaxTotal),
    discount_subtotal: parts.discountSubtotal,
    discount_tax_total: discountTaxTotal,
    original_total: originalTotal,
    // original_total − original_tax_total, which for a tax-exclusive line is exactly the subtotal.
    original_subtotal: parts.inclusive ? subtract(parts.gross, originalTaxTotal) : parts.subtotal,
    original_tax_total: originalTaxTotal,
  }
}
