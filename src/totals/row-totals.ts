import type { Decimal } from "../money/decimal"
import { ONE, add } from "./arithmetic"
import type { LineBreakdown } from "./line-breakdown"
import type { Rounder } from "./rounder"
import type { LineRowTotals } from "./totals-result"

/**
 * The totals of each adjustment and tax line of one line, from its (exact or rounded) parts, as
 * Medusa's `calculateAdjustmentTotal` and `calculateTaxTotal` set them: an adjustment's total is its
 * subtotal times (1 + R), R the sum of the line's rates; a tax line's subtotal is its tax before
 * discounts and its total the tax after them. `rateSum` is R; `round` rounds the adjustment totals.
 */
export function rowTotalsOf(parts: LineBreakdown, rateSum: Decimal, round?: Rounder): LineRowTotals {
  const onePlusRate = add(ONE, rateSum)
  return {
    adjustments: parts.adjustmentSubtotals.map((subtotal) => {
      const total = rateSum.isZero() ? subtotal : subtotal.times(onePlusRate)
      return { subtotal, total: round ? round(total) : total }
    }),
    tax_lines: parts.taxLineTotals.map((total, index) => ({ subtotal: parts.taxLineSubtotals[index]!, total })),
  }
}
