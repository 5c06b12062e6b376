import { MoneyDecimal } from "./decimal"
import type { Decimal } from "./decimal"

// Enough digits that truncation keeps more than 20 decimals for any quotient below 10^43.
const Truncating = MoneyDecimal.clone({ precision: 64, rounding: MoneyDecimal.ROUND_DOWN })

/** `dividend / divisor` rounded half-up to `places` decimals: bignumber.js's (so Medusa's) default division. */
export function divideToPlaces(dividend: Decimal, divisor: Decimal, places = 20): Decimal {
  if (divisor.isZero()) throw new RangeError(`Cannot divide ${dividend.toFixed()} by zero`)
  // Truncate, then round once: rounding the 40-digit quotient half-up and again to `places` could round twice.
  const quotient = new Truncating(dividend).div(divisor).toDecimalPlaces(places, MoneyDecimal.ROUND_HALF_UP)
  return new MoneyDecimal(quotient)
}
