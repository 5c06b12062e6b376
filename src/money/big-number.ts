import { toDecimal } from "./decimal"
import type { Decimal } from "./decimal"

/** Medusa's `raw_<field>` jsonb shape: the exact decimal string and the precision it was stored with. */
export type BigNumberRawValue = { value: string | number; precision: number }

/**
 * A raw value as read from storage or sent by a client; `precision` defaults to 20. Other keys are allowed and
 * ignored, as in Medusa's `BigNumberRawValue`.
 */
export type BigNumberRawInput = { readonly value: string | number; readonly precision?: number; readonly [key: string]: unknown }

/**
 * A bignumber.js value (Medusa's `MathBN` results), recognised by its shape so that cartwright needs no
 * bignumber.js of its own: it is read through `toFixed()`, exactly.
 */
export type BigNumberJsLike = { readonly c: number[] | null; readonly e: number | null; readonly s: number | null; toFixed(): string }

/** Any BigNumber with Medusa's `IBigNumber` surface (a Medusa app's own `BigNumber`): read through `raw`, else `numeric`. */
export type BigNumberLike = { readonly numeric: number; readonly raw?: BigNumberRawInput | undefined }

/** Everything a {@link BigNumber} (or `toDecimal`) accepts: a superset of Medusa's `BigNumberInput`. */
export type BigNumberInput = number | string | Decimal | BigNumber | BigNumberRawInput | BigNumberJsLike | BigNumberLike

/** Options for {@link BigNumber}: the precision recorded in `raw` (it never rounds the value). */
export type BigNumberOptions = { readonly precision?: number }

/** An immutable money value over decimal.js, shaped like Medusa's BigNumber (`numeric`, `raw`, `toJSON()`). */
export class BigNumber {
  /** The precision Medusa records in `raw_*` columns when none is given. */
  static readonly DEFAULT_PRECISION = 20

  // Plain (not #private) fields so that jest's toEqual tells two different values apart.
  private readonly value_: Decimal
  private readonly precision_: number

  /** Builds from a number, an exact decimal string, a Decimal, another BigNumber or a raw `{ value, precision }`. */
  constructor(input: BigNumberInput, options?: BigNumberOptions) {
    this.value_ = toDecimal(input)
    this.precision_ = options?.precision ?? BigNumber.precisionOf(input) ?? BigNumber.DEFAULT_PRECISION
  }

  /** The value as a JS number (may lose digits; use `raw` or `bigNumber` for exact work). */
  get numeric(): number {
    return this.value_.toNumber()
  }

  /** The exact value as Medusa stores it in `raw_<field>`: a plain decimal string, never exponent notation. */
  get raw(): { value: string; precision: number } {
    return { value: this.value_.toFixed(), precision: this.precision_ }
  }

  /** The exact value as a Decimal (MoneyDecimal: 40 significant digits, half-up). */
  get bigNumber(): Decimal {
    return this.value_
  }

  /** JSON bodies carry money as numbers, as Medusa's do. */
  toJSON(): number {
    return this.numeric
  }

  /** Lets `+price` and comparisons work like Medusa's BigNumber. */
  valueOf(): number {
    return this.numeric
  }

  /** The exact decimal string. */
  toString(): string {
    return this.value_.toFixed()
  }

  private static precisionOf(input: BigNumberInput): number | undefined {
    if (input instanceof BigNumber) return input.precision_
    if (typeof input !== "object" || input === null) return undefined
    const raw = "value" in input ? input : "raw" in input ? input.raw : undefined
    return typeof raw?.precision === "number" ? raw.precision : undefined
  }
}
