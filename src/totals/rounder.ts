import { MoneyDecimal } from "../money/decimal"
import type { Decimal } from "../money/decimal"
import { ZERO } from "./arithmetic"
import type { RoundingMode } from "./totals-options"

/** Rounds one value to a currency's minor unit. */
export type Rounder = (value: Decimal) => Decimal

/** A rounder to `minorUnit` decimals that breaks ties by `mode`. */
export function createRounder(minorUnit: number, mode: RoundingMode): Rounder {
  const rounding = mode === "half_even" ? MoneyDecimal.ROUND_HALF_EVEN : MoneyDecimal.ROUND_HALF_UP
  return (value) => {
    if (value.decimalPlaces() <= minorUnit) return value
    const rounded = value.toDecimalPlaces(minorUnit, rounding)
    // -0.001 rounds to -0; return plain zero so no "-0" leaks into comparisons or JSON.
    return rounded.isZero() ? ZERO : rounded
  }
}
