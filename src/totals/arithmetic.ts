import { MoneyDecimal } from "../money/decimal"
import type { Decimal } from "../money/decimal"

/** Shared zero; Decimals are immutable, so one instance serves every empty sum. */
export const ZERO: Decimal = new MoneyDecimal(0)

/** Shared one. */
export const ONE: Decimal = new MoneyDecimal(1)

// Most carts have no discounts and many lines have no tax, so skipping zero operands saves
// a large share of the Decimal allocations a 200-line cart would otherwise make.

/** `a + b`, returning an operand as-is when the other is zero. */
export function add(a: Decimal, b: Decimal): Decimal {
  if (b.isZero()) return a
  if (a.isZero()) return b
  return a.plus(b)
}

/** `a − b`, returning `a` as-is when `b` is zero. */
export function subtract(a: Decimal, b: Decimal): Decimal {
  return b.isZero() ? a : a.minus(b)
}

/** The sum of the values (zero for none). */
export function sumOf(values: readonly Decimal[]): Decimal {
  let sum = ZERO
  for (const value of values) sum = add(sum, value)
  return sum
}
