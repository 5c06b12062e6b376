import { InvalidDataError } from "../errors/errors"
import { toDecimal } from "../money/decimal"
import type { BigNumberInput } from "../money/big-number"

/** A money amount as callers may pass it: anything the money module reads (see its `BigNumberInput`). */
export type MoneyInput = BigNumberInput

/** The stored pair: the numeric column's text and the exact raw twin. */
export interface StoredMoney {
  readonly numeric: string
  readonly raw: { readonly value: string; readonly precision: number }
}

/** Normalises a money input to its exact stored form through the money module; refuses NaN and infinities. */
export function toStoredMoney(input: MoneyInput, path: readonly (string | number)[] = []): StoredMoney {
  let text: string
  try {
    text = toDecimal(input).toFixed()
  } catch {
    throw InvalidDataError.because(`Invalid amount ${JSON.stringify(String(input))}: expected a finite decimal number`, path)
  }
  return { numeric: text, raw: { value: text, precision: 20 } }
}
