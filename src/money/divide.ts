import { MoneyDecimal } from "./decimal"
import type { Decimal } from "./decimal"

/**
 * `dividend / divisor` rounded half-up (ties away from zero) to `places` decimals: the default
 * division of bignumber.js, and so of Medusa's totals.
 *
 * Done on scaled BigInts rather than with Decimal#div: it is exact by construction (one rounding,
 * from the true remainder, so no double rounding through a 40-digit intermediate) and about twice
 * as fast, which matters because every tax-inclusive line divides.
 *
 * @throws RangeError when `divisor` is zero.
 */
export function divideToPlaces(dividend: Decimal, divisor: Decimal, places = 20): Decimal {
  if (divisor.isZero()) throw new RangeError(`Cannot divide ${dividend.toFixed()} by zero`)
  if (dividend.isZero()) return dividend
  const a = toScaled(dividend)
  const b = toScaled(divisor)
  // a/b = (A / 10^sa) / (B / 10^sb), so a/b × 10^places = A × 10^(sb + places) / (B × 10^sa).
  const numerator = abs(a.units) * powerOfTen(b.scale + places)
  const denominator = abs(b.units) * powerOfTen(a.scale)
  let quotient = numerator / denominator
  if ((numerator % denominator) * 2n >= denominator) quotient += 1n
  const negative = dividend.isNegative() !== divisor.isNegative()
  return new MoneyDecimal(`${negative ? "-" : ""}${quotient}e-${places}`)
}

/** A Decimal as `units / 10^scale` with integer units. */
function toScaled(value: Decimal): { readonly units: bigint; readonly scale: number } {
  const scale = value.decimalPlaces()
  // toFixed never uses exponent notation, so dropping the point leaves the digits of value × 10^scale.
  return { units: BigInt(value.toFixed(scale).replace(".", "")), scale }
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value
}

const POWERS_OF_TEN: bigint[] = [1n]

function powerOfTen(exponent: number): bigint {
  for (let next = POWERS_OF_TEN.length; next <= exponent; next++) POWERS_OF_TEN.push(POWERS_OF_TEN[next - 1]! * 10n)
  return POWERS_OF_TEN[exponent]!
}
