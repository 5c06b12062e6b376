import { Decimal } from "decimal.js"
import { MoneyDecimal, toDecimal } from "../../../src/money/decimal"
import type { BigNumberInput } from "../../../src/money/big-number"
import { minorUnitOf } from "../../../src/money/currencies"

/**
 * The one place where the module's exact decimal amounts (major units: 12.5 EUR) become Medusa
 * v1's integers in the currency's smallest unit (1250). Each amount is rounded once, half-up, to
 * the currency's ISO 4217 minor unit; v1 sums and totals are then computed on those integers (see
 * `v1-totals.ts`), never rounded again, so `total = subtotal + shipping_total + tax_total −
 * discount_total − gift_card_total` holds exactly. The storefront runs the module with
 * `totals.rounding` at the minor unit, so the parts are already whole minor units and the integer
 * total equals the module's total (and the amount the payment provider was asked for) exactly.
 */

// A currency the ISO table does not know gets two decimals, like Medusa's default.
const DEFAULT_MINOR_UNIT = 2

/** The exponent of a currency's smallest unit (2 for EUR, 0 for JPY, 3 for KWD). */
export function minorUnitFor(currencyCode: string): number {
  try {
    return minorUnitOf(currencyCode)
  } catch {
    return DEFAULT_MINOR_UNIT
  }
}

/**
 * An amount in major units as an integer in the currency's smallest unit, rounded half-up.
 * Absent amounts are 0. @throws RangeError when the result is not a safe JS integer.
 */
export function toMinorUnits(amount: BigNumberInput | null | undefined, currencyCode: string): number {
  if (amount === null || amount === undefined) return 0
  const minor = toDecimal(amount)
    .times(new MoneyDecimal(10).pow(minorUnitFor(currencyCode)))
    .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
  const result = minor.toNumber()
  if (!Number.isSafeInteger(result)) throw new RangeError(`Amount ${minor.toFixed()} is too large to send as a JSON integer`)
  // -0 would serialise as 0 anyway; normalise it so equality checks in tests read naturally.
  return result === 0 ? 0 : result
}

/** An integer in the currency's smallest unit back in major units, as an exact decimal string. */
export function fromMinorUnits(minor: number, currencyCode: string): string {
  return new MoneyDecimal(minor).dividedBy(new MoneyDecimal(10).pow(minorUnitFor(currencyCode))).toFixed()
}
