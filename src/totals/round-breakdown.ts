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
  const taxLineSubtotals = parts.taxLineSubtotals.map(round)
  const taxLineTotals =
    parts.taxLineTotals === parts.taxLineSubtotals ? taxLineSubtotals : parts.taxLineTotals.map(round)
  const gross = round(parts.gross)
  const subtotal = parts.inclusive ? subtract(gross, sumOf(taxLineSubtotals)) : round(parts.subtotal)
  const adjustmentSubtotals = parts.adjustmentSubtotals.map(round)
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
