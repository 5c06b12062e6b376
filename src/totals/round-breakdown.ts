import type { Decimal } from "../money/decimal"
import { subtract, sumOf } from "./arithmetic"
import type { LineBreakdown } from "./line-breakdown"
import type { Rounder } from "./rounder"

/**
 * Rounds a line's parts to the currency's minor unit so that every total summed from them is
 * itself a sum of rounded parts.
 *
 * Tax is rounded per tax line from the exact base. For a tax-inclusive line the price the
 * customer sees is fixed, so the net subtotal is what is left after the rounded tax
 * (gross − Σ tax) instead of a second, separately rounded division.
 */
export function roundBreakdown(parts: LineBreakdown, round: Rounder): LineBreakdown {
  const taxLineSubtotals = roundEach(parts.taxLineSubtotals, round)
  const taxLineTotals = parts.taxLineTotals === parts.taxLineSubtotals ? taxLineSubtotals : roundEach(parts.taxLineTotals, round)
  const gross = round(parts.gross)
  const subtotal = parts.inclusive ? subtract(gross, sumOf(taxLineSubtotals)) : round(parts.subtotal)
  const adjustmentSubtotals = roundEach(parts.adjustmentSubtotals, round)
  const discountSubtotal = sumOf(adjustmentSubtotals)
  return {
    inclusive: parts.inclusive,
    gross,
    subtotal,
    adjustmentSubtotals,
    discountSubtotal,
    taxable: subtract(subtotal, discountSubtotal),
    taxLineTotals,
    taxLineSubtotals,
  }
}

// A loop rather than map(round): this runs for every line and measurably beats map().
function roundEach(values: readonly Decimal[], round: Rounder): Decimal[] {
  const rounded: Decimal[] = []
  for (const value of values) rounded.push(round(value))
  return rounded
}
