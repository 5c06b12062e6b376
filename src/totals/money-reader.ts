import { toDecimal } from "../money/decimal"
import type { Decimal } from "../money/decimal"
import { divideToPlaces } from "../money/divide"

const HUNDRED = toDecimal(100)

/** Parses the inputs of one totals computation, each distinct value once. */
export interface MoneyReader {
  /** A money or quantity input as a Decimal; throws a TypeError for a malformed value. */
  readonly read: (value: string | number) => Decimal
  /** A tax rate percentage as a fraction: rate / 100 at 20 decimals, like Medusa. */
  readonly rateFraction: (rate: string | number) => Decimal
}

/** A reader with a per-computation cache: quantities and tax rates repeat across lines, and parsing dominates. */
export function createMoneyReader(): MoneyReader {
  const parsed = new Map<string | number, Decimal>()
  const fractions = new Map<string | number, Decimal>()
  const read = (value: string | number): Decimal => {
    let decimal = parsed.get(value)
    if (decimal === undefined) {
      decimal = toDecimal(value)
      parsed.set(value, decimal)
    }
    return decimal
  }
  const rateFraction = (rate: string | number): Decimal => {
    let fraction = fractions.get(rate)
    if (fraction === undefined) {
      fraction = divideToPlaces(read(rate), HUNDRED)
      fractions.set(rate, fraction)
    }
    return fraction
  }
  return { read, rateFraction }
}
