import type { Decimal } from "../money/decimal"
import { decimalOrUndefined } from "../money/decimal"
import { z } from "zod"
import { checkJsonBounds } from "./json-bounds"
import { MONEY_BOUNDS, RATE_BOUNDS } from "./money-bounds"
import { MODELS } from "../../models"
import type { ColumnSpec, Model } from "../../models"

// Strict on purpose: " 10 " is refused rather than trimmed, like any other malformed number, so one
// spelling of an amount is accepted everywhere (validation, storage, filters).
const decimalString = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/** The exact decimal a money-like input stands for, or undefined when it is not one (never throws). */
function decimalOf(value: unknown): Decimal | undefined {
  // Strict on purpose (see decimalString): the money module would also read " 10 " through a number.
  if (typeof value === "string" && !decimalString.test(value)) return undefined
  return decimalOrUndefined(value)
}

/** Digits before the point (0 for |v| < 1) and after it. */
function digitsOf(value: Decimal): { integer: number; scale: number } {
  return { integer: value.isZero() ? 0 : Math.max(0, value.e + 1), scale: value.decimalPlaces() }
}

function withinBounds(value: unknown, bounds: { readonly integerDigits: number; readonly scale: number }): boolean {
  const decimal = decimalOf(value)
  if (!decimal) return false
  const { integer, scale } = digitsOf(decimal)
  return integer <= bounds.integerDigits && scale <= bounds.scale
}

/**
 * Any decimal amount (number, string, BigNumber or raw object) within {@link MONEY_BOUNDS}: finite,
 * at most 18 digits before the point and 20 after, so it is stored and read back exactly.
 */
export const amount = z.custom<unknown>((value) => withinBounds(value, MONEY_BOUNDS), {
  message: `must be a decimal number with at most ${MONEY_BOUNDS.integerDigits} digits before the point and ${MONEY_BOUNDS.scale} after`,
})

/** A finite decimal ≥ 0. */
export const nonNegativeAmount = amount.refine((value) => decimalOf(value)?.gte(0) === true, {
  message: "must be greater than or equal to 0",
})

/** A tax rate percentage between 0 and 100 with at most {@link RATE_BOUNDS}.scale decimals. */
export const rate = z
  .custom<unknown>((value) => withinBounds(value, RATE_BOUNDS), {
    message: `must be a decimal number with at most ${RATE_BOUNDS.scale} decimals`,
  })
  .refine((value) => decimalOf(value)?.gte(0) === true && decimalOf(value)?.lte(100) === true, { message: "must be between 0 and 100" })

/** The largest quantity a line can store (PostgreSQL `integer`). */
export const MAX_QUANTITY = 2_147_483_647

/** A line quantity: an integer between 1 and {@link MAX_QUANTITY}. */
export const quantity = z.custom<unknown>(
  (value) => {
    const decimal = decimalOf(value)
    return decimal !== undefined && decimal.isInteger() && decimal.gte(1) && decimal.lte(MAX_QUANTITY)
  },
  { message: `must be an integer between 1 and ${MAX_QUANTITY}` },
)

/** A three-letter ISO 4217 code, any case. */
export const currencyCode = z.string().regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO 4217 currency code")

/** Free-form metadata: a plain object or null, at most {@link JSON_BOUNDS} deep and large. */
export const metadata = z
  .custom<Record<string, unknown> | null>((value) => value === null || (typeof value === "object" && !Array.isArray(value)), {
    message: "must be an object or null",
  })
  .superRefine((value, ctx) => {
    const problem = checkJsonBounds(value)
    if (problem) ctx.addIssue({ code: "custom", message: problem })
  })

/** A non-empty id. */
export const id = z.string().min(1, "is required")

/** The default schema of a column kind; a model's check constraints become rules given by the caller. */
function byKind(column: ColumnSpec): z.ZodType {
  switch (column.kind) {
    case "text":
      return z.string()
    case "boolean":
      return z.boolean()
    case "integer":
      return z.number().int()
    case "decimal":
      return amount
    case "money":
      return nonNegativeAmount
    case "json":
      // Objects are bounded like metadata; an `any` column (a shipping method's description) takes any JSON value.
      return column.json === "any" ? z.unknown() : metadata
    case "datetime":
      return z.union([z.date(), z.string()])
  }
}

/** How {@link columnsSchema} treats some columns: rules that replace the kind's default, and required-ness. */
export interface ColumnsSchemaOptions {
  /** Stricter rules for some columns (a non-empty title, a currency code, a quantity in range...). */
  readonly rules?: Readonly<Record<string, z.ZodType>>
  /** Columns a caller may leave out although the model requires them (the method takes them elsewhere). */
  readonly optional?: readonly string[]
  /** Columns a caller never writes (cartwright's own bookkeeping). */
  readonly omit?: readonly string[]
}

/**
 * The schema of what a caller writes to a model, derived from its declared columns: each column's kind (or
 * its rule), `null` where the column is nullable, required where it is not nullable and has no default. A
 * column added to the model is validated without another edit.
 */
export function columnsSchema(model: Model, options: ColumnsSchemaOptions = {}): z.ZodObject {
  const shape: Record<string, z.ZodType> = {}
  for (const [name, column] of Object.entries(model.declared)) {
    if (options.omit?.includes(name)) continue
    let schema = options.rules?.[name] ?? byKind(column)
    if (column.nullable) schema = schema.nullable()
    const required = !column.nullable && column.default === undefined && !options.optional?.includes(name)
    shape[name] = required ? schema : schema.optional()
  }
  return z.object(shape)
}

const rowId = { id: id.optional() }

/** Address fields. */
export const address = columnsSchema(MODELS.Address, { omit: ["cart_id"] }).extend(rowId)
/** Address fields of `createAddresses`, which may name the cart the address belongs to (its lock is taken). */
export const addressOfCart = address.extend({ cart_id: id.nullable().optional() })

/** Line item fields (creation). */
export const lineItem = columnsSchema(MODELS.LineItem, {
  rules: { cart_id: id, title: z.string().min(1, "is required"), quantity },
  optional: ["cart_id"],
})

/** Shipping method fields (creation). */
export const shippingMethod = columnsSchema(MODELS.ShippingMethod, {
  rules: { cart_id: id, name: z.string().min(1, "is required") },
  optional: ["cart_id"],
})

/** Line item adjustment fields. */
export const lineItemAdjustment = columnsSchema(MODELS.LineItemAdjustment, { rules: { item_id: id }, omit: ["cart_id"] }).extend(rowId)
/** Shipping method adjustment fields. */
export const shippingMethodAdjustment = columnsSchema(MODELS.ShippingMethodAdjustment, {
  rules: { shipping_method_id: id },
  omit: ["cart_id"],
}).extend(rowId)

const taxLineRules = { code: z.string().min(1, "is required"), rate }
/** Line item tax line fields. */
export const lineItemTaxLine = columnsSchema(MODELS.LineItemTaxLine, { rules: { ...taxLineRules, item_id: id }, omit: ["cart_id"] }).extend(
  rowId,
)
/** Shipping method tax line fields. */
export const shippingMethodTaxLine = columnsSchema(MODELS.ShippingMethodTaxLine, {
  rules: { ...taxLineRules, shipping_method_id: id },
  omit: ["cart_id"],
}).extend(rowId)

/** Credit line fields (the amount may be negative). */
export const creditLine = columnsSchema(MODELS.CreditLine, { rules: { cart_id: id, amount } })

/** Cart fields (creation): the model's columns but cartwright's own, with nested items and addresses. */
export const cart = columnsSchema(MODELS.Cart, { rules: { currency_code: currencyCode }, omit: ["version", "last_active_at"] }).extend({
  shipping_address: address.nullable().optional(),
  billing_address: address.nullable().optional(),
  items: z.array(lineItem.omit({ cart_id: true })).optional(),
})

/** Find options. */
export const findConfig = z
  .object({
    select: z.array(z.string()).optional(),
    relations: z.array(z.string()).optional(),
    skip: z.number().int().min(0).nullable().optional(),
    take: z.number().int().min(0).nullable().optional(),
    order: z.record(z.string(), z.unknown()).optional(),
    withDeleted: z.boolean().optional(),
  })
  .optional()
