import { Decimal } from "decimal.js"

/** A Medusa `BigNumberRawValue`: the exact value as a string (or number) plus precision details. */
export interface MedusaRawAmount {
  value: string | number
}

/**
 * An exact decimal string for a Medusa amount. Medusa returns each amount twice: a JS number and a
 * `raw_*` twin holding the exact value; the raw twin wins, so 0.1 + 0.2 style drift never enters a cart.
 */
export function exactAmount(raw: MedusaRawAmount | null | undefined, numeric: unknown): string | null {
  if (raw && (typeof raw.value === "string" || typeof raw.value === "number")) return new Decimal(raw.value).toString()
  if (typeof numeric === "number" || typeof numeric === "string") return new Decimal(numeric).toString()
  return null
}

/** Whether two exact decimal strings are the same amount ("10" and "10.00" are). */
export function sameAmount(a: string, b: string): boolean {
  return new Decimal(a).eq(b)
}

/**
 * The exact value of an amount in any shape Medusa hands out: a number, a decimal string, a raw value
 * `{ value }`, or one of Medusa's `BigNumber` objects (whose `raw` holds the exact value).
 * @throws TypeError when the value is none of these
 */
export function exactOf(amount: unknown): Decimal {
  if (typeof amount === "number" || typeof amount === "string") return new Decimal(amount)
  if (amount instanceof Decimal) return amount
  if (amount !== null && typeof amount === "object") {
    const raw: unknown = "raw" in amount ? amount.raw : amount
    if (raw !== null && typeof raw === "object" && "value" in raw && (typeof raw.value === "string" || typeof raw.value === "number"))
      return new Decimal(raw.value)
    if ("numeric" in amount && typeof amount.numeric === "number") return new Decimal(amount.numeric)
  }
  throw new TypeError(`Not an amount: ${String(amount)}`)
}
