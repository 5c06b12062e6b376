import type { Decimal } from "../money/decimal"
import { ZERO, sumOf } from "./arithmetic"
import { creditLineEpsilonOf } from "./credit-line-epsilon"
import type { Rounder } from "./rounder"
import type { TotalsCreditLineInput } from "./totals-input"

/**
 * Σ credit line amounts (each rounded first when a rounder is given). A sum whose magnitude is at or
 * below the currency's epsilon (see {@link creditLineEpsilonOf}) is dust, not credit, and counts as
 * zero, as in Medusa's `calculateCreditLinesTotal`. Never throws for an unknown currency.
 */
export function creditLineTotalOf(
  lines: readonly TotalsCreditLineInput[],
  currencyCode: string,
  read: (value: string | number) => Decimal,
  round?: Rounder,
): Decimal {
  if (lines.length === 0) return ZERO
  const total = sumOf(creditLineAmountsOf(lines, read, round))
  return total.abs().lte(creditLineEpsilonOf(currencyCode)) ? ZERO : total
}

/** Each credit line's amount as it counts (rounded when a rounder is given). */
export function creditLineAmountsOf(
  lines: readonly TotalsCreditLineInput[],
  read: (value: string | number) => Decimal,
  round?: Rounder,
): Decimal[] {
  return lines.map((line) => (round ? round(read(line.amount)) : read(line.amount)))
}
