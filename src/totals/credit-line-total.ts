import { MoneyDecimal } from "../money/decimal"
import type { Decimal } from "../money/decimal"
import { minorUnitOf } from "../money/currencies"
import { ZERO, sumOf } from "./arithmetic"
import type { Rounder } from "./rounder"
import type { TotalsCreditLineInput } from "./totals-input"

/**
 * Σ credit line amounts (each rounded first when a rounder is given). A sum smaller in magnitude
 * than the currency's smallest unit is dust, not credit, and counts as zero, as in Medusa.
 *
 * @throws RangeError when there are credit lines and the currency code is unknown.
 */
export function creditLineTotalOf(
  lines: readonly TotalsCreditLineInput[],
  currencyCode: string,
  read: (value: string | number) => Decimal,
  round?: Rounder,
): Decimal {
  if (lines.length === 0) return ZERO
  const amounts = lines.map((line) => (round ? round(read(line.amount)) : read(line.amount)))
  const total = sumOf(amounts)
  const smallestUnit = new MoneyDecimal(10).pow(-minorUnitOf(currencyCode))
  return total.abs().lt(smallestUnit) ? ZERO : total
}
