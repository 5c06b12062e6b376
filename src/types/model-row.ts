// Row types derived from the model declarations in models/: one place declares a column (its kind and whether it
// is nullable); the DTOs, the inputs and the SQL layer all read that. Adding a column is one edit in models/
// plus a migration.
import type { ColumnSpec, Model } from "../../models"
import type { BigNumber, BigNumberRawValue } from "../money/big-number"

/** The TypeScript value of each column kind as the module returns it. */
interface KindValue {
  text: string
  boolean: boolean
  integer: number
  /** Numbers for display; the exact value is in the `raw_` twin (money) or `raw_rate` (a tax rate). */
  decimal: number
  /**
   * A number for display, its exact value in the `raw_` twin; a read that computes totals returns it as a
   * BigNumber built from that twin, as Medusa's totals decoration does.
   */
  money: number | BigNumber
  json: Record<string, unknown>
  datetime: Date
}

type Columns = Readonly<Record<string, ColumnSpec>>

/** A column's value: `json: "any"` columns hold any JSON value. */
type ValueOf<C extends ColumnSpec> = C extends { readonly json: "any" } ? unknown : KindValue[C["kind"]]

type NullableKey<C extends Columns> = { [K in keyof C]: C[K] extends { readonly nullable: true } ? K : never }[keyof C] & string
type MoneyKey<C extends Columns> = { [K in keyof C]: C[K] extends { readonly kind: "money" } ? K : never }[keyof C] & string

/**
 * The stored row of a model's declared columns, as reads return it: every column present (unless `select`
 * leaves it out), `null` where the column is nullable, and each money column's exact `raw_` twin.
 */
export type ColumnsRow<C extends Columns> = {
  -readonly [K in keyof C]: K extends NullableKey<C> ? ValueOf<C[K]> | null : ValueOf<C[K]>
} & {
  -readonly [K in MoneyKey<C> as `raw_${K}`]: K extends NullableKey<C> ? BigNumberRawValue | null : BigNumberRawValue
}

/** The row type of a model (see {@link ColumnsRow}); base columns (`id`, timestamps) are `BaseDTO`'s. */
export type RowOf<M extends Model> = M extends Model<infer C> ? ColumnsRow<C> : never

/** A column's value as a caller writes it: numbers in any form `Money` allows (as Medusa's `BigNumberInput`), dates also as strings. */
type WrittenValue<C extends ColumnSpec, Money> = C extends { readonly kind: "money" | "decimal" | "integer" }
  ? Money
  : C extends { readonly kind: "datetime" }
    ? Date | string
    : ValueOf<C>

/** Columns a new row must name: not nullable and without a default. */
type RequiredKey<C extends Columns> = {
  [K in keyof C]: C[K] extends { readonly nullable: true } | { readonly default: string } ? never : K
}[keyof C] &
  string

/**
 * What a caller passes to create a row of a model's declared columns: the columns without a default that
 * cannot be null are required (except `Optional`, which the method may take elsewhere, like a cart id),
 * the rest optional, `null` allowed where the column is nullable. `Internal` columns are never written by
 * callers. `Money` is the money input type (a parameter, so this module has no run-time dependency).
 */
export type CreateOf<M extends Model, Money, Optional extends string = never, Internal extends string = never> =
  M extends Model<infer C>
    ? {
        -readonly [K in Exclude<RequiredKey<C>, Optional | Internal>]: WrittenValue<C[K], Money>
      } & {
        -readonly [K in Exclude<keyof C & string, RequiredKey<C> | Internal> | Exclude<Optional & keyof C, Internal>]?:
          WrittenValue<C[K], Money> | (K extends NullableKey<C> ? null : never)
      }
    : never
