import Decimal from "decimal.js"
import { InvalidDataError } from "../errors/errors"

/** A money amount as callers may pass it: number, decimal string, BigNumber-like or a raw `{ value }` object. */
export type MoneyInput = number | string | { readonly value: string | number } | { toString(): string }

/** The stored pair: the numeric column's text and the exact raw twin. */
export interface StoredMoney {
  readonly numeric: string
  readonly raw: { readonly value: string; readonly precision: number }
}

/** Normalises a money input to its exact stored form; refuses NaN and infinities. */
export function toStoredMoney(input: MoneyInput, path: readonly (string | number)[] = []): StoredMoney {
  let value: Decimal
  try {
    const source =
      typeof input === "object" && input !== null && "value" in input && !(input instanceof Decimal)
        ? (input as { value: string | number }).value
        : typeof input === "object" && input !== null && "raw" in input
          ? (input as unknown as { raw: { value: string } }).raw.value
          : input
    value = new Decimal(source as Decimal.Value)
  } catch {
    throw InvalidDataError.because(`Invalid amount ${JSON.stringify(input)}: expected a decimal number`, path)
  }
  if (!value.isFinite()) throw InvalidDataError.because(`Invalid amount ${String(input)}: must be finite`, path)
  const text = value.toFixed()
  return { numeric: text, raw: { value: text, precision: 20 } }
}
