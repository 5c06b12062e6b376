import { Decimal } from "decimal.js"
import type { BigNumberInput, BigNumberJsLike } from "./big-number"

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
  return decimalFrom(input)
}

/**
 * Like {@link toDecimal}, for a value not typed as money (a host's field): the same rules, the same TypeError.
 * Untyped callers can pass anything, so every shape is checked rather than assumed.
 */
export function decimalFrom(input: unknown): Decimal {
  if (typeof input === "number") return fromNumber(input)
  if (typeof input === "string") return fromString(input)
  // instanceof first: every clone shares Decimal's prototype, and it is far cheaper than isDecimal,
  // which this hot path (every total of every read) would otherwise pay per value.
  if (input instanceof Decimal || Decimal.isDecimal(input)) return fromDecimal(input)
  // Fail with our message rather than a TypeError from `in`.
  if (input === null || typeof input !== "object") throw invalid(input)
  // Our BigNumber (and any class that keeps a Decimal there); a Medusa BigNumber's `bigNumber` is bignumber.js.
  if ("bigNumber" in input && input.bigNumber instanceof Decimal) return fromDecimal(input.bigNumber)
  // bignumber.js (Medusa's MathBN): toFixed() without arguments is its exact value in plain notation.
  if (isBigNumberJs(input)) return fromString(input.toFixed())
  if ("value" in input) return decimalFrom(input.value)
  // A host's BigNumber (Medusa's IBigNumber): its raw value is exact; `numeric` only when it has none.
  if ("raw" in input && input.raw != null)
    return decimalFrom(typeof input.raw === "object" && "value" in input.raw ? input.raw.value : undefined)
  if ("numeric" in input) {
    if (typeof input.numeric === "number") return fromNumber(input.numeric)
    throw invalid(input.numeric)
  }
  throw invalid(input)
}

/** Like {@link toDecimal}, for values not yet known to be money: undefined instead of an error. */
export function decimalOrUndefined(input: unknown): Decimal | undefined {
  try {
    return decimalFrom(input)
  } catch {
    return undefined
  }
}

/** bignumber.js marks its instances with `_isBigNumber` (private in its typings, public at run time). */
function isBigNumberJs(input: object): input is BigNumberJsLike {
  return "_isBigNumber" in input && input._isBigNumber === true && "toFixed" in input && typeof input.toFixed === "function"
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
