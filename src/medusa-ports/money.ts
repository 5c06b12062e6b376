import { decimalFrom, toDecimal } from "../money/decimal"
import type { Decimal } from "../money/decimal"

/** A Medusa `BigNumberRawValue`: the exact value as a string (or number) plus precision details. */
export interface MedusaRawAmount {
  value: string | number
}

/**
 * An exact decimal string for a Medusa amount. Medusa returns each amount twice: a JS number and a
 * `raw_*` twin holding the exact value; the raw twin wins, so 0.1 + 0.2 style drift never enters a cart.
 */
export function exactAmount(raw: MedusaRawAmount | null | undefined, numeric: unknown): string | null {
  if (raw && (typeof raw.value === "string" || typeof raw.value === "number")) return toDecimal(raw.value).toFixed()
  if (typeof numeric === "number" || typeof numeric === "string") return toDecimal(numeric).toFixed()
  return null
}

/** Whether two exact decimal strings are the same amount ("10" and "10.00" are). */
export function sameAmount(a: string, b: string): boolean {
  return toDecimal(a).eq(toDecimal(b))
}

/**
 * The exact value of an amount in any shape Medusa hands out: a number, a decimal string, a raw value
 * `{ value }`, a bignumber.js value or one of Medusa's `BigNumber` objects (whose `raw` holds the exact
 * value). The money module's reader, so every port reads amounts by one rule.
 * @throws TypeError when the value is none of these
 */
export function exactOf(amount: unknown): Decimal {
  return decimalFrom(amount)
}
