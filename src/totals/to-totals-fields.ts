import { BigNumber } from "../money/big-number"
import type { BigNumberRawValue } from "../money/big-number"
import type { BigNumberFactory } from "../money/big-number-class"
import type { Decimal } from "../money/decimal"

/** Medusa's output shape for a totals record: each total as a BigNumber plus its `raw_` twin. */
export type TotalsFields<T> = { readonly [K in keyof T & string]: BigNumber } & {
  readonly [K in keyof T & string as `raw_${K}`]: BigNumberRawValue
}

// The precision Medusa records on every raw total.
const RAW_PRECISION = BigNumber.DEFAULT_PRECISION

/**
 * Turns Decimal totals into `{ total: BigNumber, raw_total: { value, precision: 20 }, ... }`. `bigNumber`
 * builds each total from its raw twin instead of our class (a Medusa host passes its own BigNumber).
 */
export function toTotalsFields<T extends { readonly [K in keyof T]: Decimal }>(totals: T, bigNumber?: BigNumberFactory): TotalsFields<T> {
  const fields: Record<string, BigNumber | BigNumberRawValue> = {}
  // for…in types its key as the object's own string keys; a totals record is a plain object, nothing inherited.
  for (const key in totals) {
    // Medusa keeps a total at 20 significant digits (utils 2.21: a BigNumber built from bignumber.js records
    // `toPrecision(20)`, and createRawPropertiesFromBigNumber trims the zeros): 9.48081264108352144469475 is
    // returned as 9.4808126410835214447 by both.
    const value: Decimal = totals[key].toSignificantDigits(RAW_PRECISION)
    const raw = { value: value.toFixed(), precision: RAW_PRECISION }
    fields[key] = bigNumber ? bigNumber(raw) : new BigNumber(value)
    fields[`raw_${key}`] = raw
  }
  // Built key by key above; the mapped type is what those keys add up to.
  return fields as TotalsFields<T>
}
