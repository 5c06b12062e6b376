import { InvalidDataError } from "../errors/errors"
import { decimalOrUndefined } from "../money/decimal"
import type { BigNumberInput } from "../money/big-number"

/** A money amount as callers may pass it: anything the money module reads (see its `BigNumberInput`). */
export type MoneyInput = BigNumberInput

/** The stored pair: the numeric column's text and the exact raw twin. */
export interface StoredMoney {
  readonly numeric: string
  readonly raw: { readonly value: string; readonly precision: number }
}

/**
 * Normalises a money input (validated as a {@link MoneyInput} before any write, but stored from untyped
 * column values) to its exact stored form through the money module; refuses NaN, infinities and non-amounts.
 */
export function toStoredMoney(input: unknown, path: readonly (string | number)[] = []): StoredMoney {
  // Most amounts are whole numbers, whose exact text is their own: no decimal needs building for them
  // (every money field of every write passes here). -0 is left to the money module, which keeps its sign.
  if (typeof input === "number" && Number.isSafeInteger(input) && !Object.is(input, -0)) {
    const text = String(input)
    return { numeric: text, raw: { value: text, precision: 20 } }
  }
  const plain = typeof input === "string" ? plainText(input) : undefined
  if (plain !== undefined) return { numeric: plain, raw: { value: plain, precision: 20 } }
  const decimal = decimalOrUndefined(input)
  if (decimal === undefined) {
    throw InvalidDataError.because(`Invalid amount ${JSON.stringify(String(input))}: expected a finite decimal number`, path)
  }
  const text = decimal.toFixed()
  return { numeric: text, raw: { value: text, precision: 20 } }
}

// A plain non-negative decimal string (no sign, exponent or leading zero) is the text decimal.js's toFixed
// gives once its fraction's trailing zeros are gone, so prices as callers usually send them ("12.50") build
// no Decimal. Anything else (signs, exponents, "007", ".5") goes through the money module.
const PLAIN_AMOUNT = /^(?:0|[1-9]\d*)(?:\.\d+)?$/

function plainText(input: string): string | undefined {
  if (!PLAIN_AMOUNT.test(input)) return undefined
  const point = input.indexOf(".")
  if (point < 0) return input
  let end = input.length
  while (input.charCodeAt(end - 1) === 48) end-- // "0"
  return input.slice(0, end === point + 1 ? point : end)
}
