import { Decimal } from "decimal.js"
import type { BigNumberInput } from "./big-number"

export type { Decimal }

/** The Decimal constructor for all money arithmetic: 40 significant digits, half-up, no exponent notation. */
export const MoneyDecimal: typeof Decimal = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  // Money strings end up in jsonb and JSON bodies; "1e-7" there would be misread by hosts, so never use it.
  toExpNeg: -9e15,
  toExpPos: 9e15,
})

// Plain decimal notation only: decimal.js would also accept "NaN", "Infinity" and hex/binary literals.
const DECIMAL_STRING = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i

/** Converts any money input to a MoneyDecimal; throws a TypeError for NaN, infinities and malformed strings. */
export function toDecimal(input: BigNumberInput): Decimal {
  if (typeof input === "number") return fromNumber(input)
  if (typeof input === "string") return fromString(input)
  // instanceof first: every clone shares Decimal's prototype, and it is far cheaper than isDecimal,
  // which this hot path (every total of every read) would otherwise pay per value.
  if (input instanceof Decimal || Decimal.isDecimal(input)) return fromDecimal(input)
  // Untyped callers can pass anything; fail with our message rather than a TypeError from `in`.
  if (input === null || typeof input !== "object") throw invalid(input)
  if ("bigNumber" in input) return input.bigNumber
  return toDecimal(input.value)
}

function fromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw invalid(value)
  return new MoneyDecimal(value)
}

function fromString(value: string): Decimal {
  if (!DECIMAL_STRING.test(value)) throw invalid(value)
  try {
    return new MoneyDecimal(value)
  } catch (cause) {
    // Only an exponent beyond decimal.js's range gets here; report it like any other bad value.
    throw invalid(value, cause)
  }
}

function fromDecimal(value: Decimal): Decimal {
  if (!value.isFinite()) throw invalid(value)
  // A Decimal from another clone keeps its own precision and rounding; rebuild it so ours apply.
  return value.constructor === MoneyDecimal ? value : new MoneyDecimal(value)
}

function invalid(value: unknown, cause?: unknown): TypeError {
  return new TypeError(`Invalid money value: ${JSON.stringify(String(value))}`, { cause })
}
