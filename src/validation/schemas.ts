import type { Decimal } from "../money/decimal"
import { decimalOrUndefined } from "../money/decimal"
import { z } from "zod"
import { checkJsonBounds } from "./json-bounds"
import { MONEY_BOUNDS, RATE_BOUNDS } from "./money-bounds"
import { withQuickTest } from "./quick-parse"
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

type Bounds = { readonly integerDigits: number; readonly scale: number }

function withinBounds(value: unknown, bounds: Bounds): boolean {
  const decimal = decimalOf(value)
  if (!decimal) return false
  const { integer, scale } = digitsOf(decimal)
  return integer <= bounds.integerDigits && scale <= bounds.scale
}

/**
 * For the quick tests: a pattern that only plain unsigned decimals within `bounds` match ("12.50", "7"),
 * written out as the bounds count digits. Leading and trailing zeros count here and not in
 * {@link withinBounds}, so a match is always within bounds; what does not match takes the exact way.
 */
function plainUnsigned(bounds: Bounds): RegExp {
  return new RegExp(`^\\d{1,${bounds.integerDigits}}(\\.\\d{1,${bounds.scale}})?$`)
}

/**
 * The plain spelling of an unsigned amount, or undefined. A number is read as decimal.js reads it (its
 * shortest round-trip string), so "1e+21", "1e-7" and negatives are not plain.
 */
function plainSpelling(value: unknown): string | undefined {
  if (typeof value === "string") return value
  return typeof value === "number" && Number.isFinite(value) ? String(value) : undefined
}

const PLAIN_MONEY = plainUnsigned(MONEY_BOUNDS)
/** Rates below 100 (two integer digits at most), so a plain match is in range without reading its value. */
const PLAIN_RATE = plainUnsigned({ integerDigits: 2, scale: RATE_BOUNDS.scale })

function isAmount(value: unknown): boolean {
  return withinBounds(value, MONEY_BOUNDS)
}

function isNonNegative(value: unknown): boolean {
  return decimalOf(value)?.gte(0) === true
}

function isRate(value: unknown): boolean {
  return withinBounds(value, RATE_BOUNDS)
}

function isPercentage(value: unknown): boolean {
  return decimalOf(value)?.gte(0) === true && decimalOf(value)?.lte(100) === true
}

/** A plain unsigned amount passes without building a Decimal; anything else is judged exactly. */
function quickNonNegativeAmount(value: unknown): boolean {
  const plain = plainSpelling(value)
  if (plain !== undefined && PLAIN_MONEY.test(plain)) return true
  return isAmount(value) && isNonNegative(value)
}

/**
 * Any decimal amount (number, string, BigNumber or raw object) within {@link MONEY_BOUNDS}: finite,
 * at most 18 digits before the point and 20 after, so it is stored and read back exactly.
 */
export const amount = withQuickTest(
  z.custom<unknown>(isAmount, {
    message: `must be a decimal number with at most ${MONEY_BOUNDS.integerDigits} digits before the point and ${MONEY_BOUNDS.scale} after`,
  }),
  (value) => {
    const plain = plainSpelling(value)
    return (plain !== undefined && PLAIN_MONEY.test(plain)) || isAmount(value)
  },
)

/** A finite decimal ≥ 0. */
export const nonNegativeAmount = withQuickTest(
  // The tables hold the same rule as a CHECK constraint; the issue says so (see CheckConstraintError).
  amount.refine(isNonNegative, { message: "must be greater than or equal to 0", params: { constraint: true } }),
  quickNonNegativeAmount,
)

/** A tax rate percentage between 0 and 100 with at most {@link RATE_BOUNDS}.scale decimals. */
export const rate = withQuickTest(
  z
    .custom<unknown>(isRate, { message: `must be a decimal number with at most ${RATE_BOUNDS.scale} decimals` })
    .refine(isPercentage, { message: "must be between 0 and 100" }),
  (value) => {
    const plain = plainSpelling(value)
    if (plain !== undefined && PLAIN_RATE.test(plain)) return true
    return isRate(value) && isPercentage(value)
  },
)

/** The largest quantity a line can store (PostgreSQL `integer`). */
export const MAX_QUANTITY = 2_147_483_647

function isQuantity(value: unknown): boolean {
  // A safe integer is its own exact decimal: no Decimal needed to judge it.
  if (typeof value === "number" && Number.isSafeInteger(value)) return value >= 1 && value <= MAX_QUANTITY
  const decimal = decimalOf(value)
  return decimal !== undefined && decimal.isInteger() && decimal.gte(1) && decimal.lte(MAX_QUANTITY)
}

/** A line quantity: an integer between 1 and {@link MAX_QUANTITY}. */
export const quantity = withQuickTest(
  z.custom<unknown>(isQuantity, { message: `must be an integer between 1 and ${MAX_QUANTITY}` }),
  isQuantity,
)

/** A three-letter ISO 4217 code, any case. */
export const currencyCode = withQuickTest(
  z.string().regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO 4217 currency code"),
  (value) => typeof value === "string" && /^[a-zA-Z]{3}$/.test(value),
)

/**
 * Null, or an object JSON can hold: not an array, and not a Date, Map, Set or other built-in whose
 * contents JSON would drop or turn into a string (checked by tag, so objects of another realm pass).
 */
function isObjectOrNull(value: unknown): boolean {
  return value === null || (typeof value === "object" && Object.prototype.toString.call(value) === "[object Object]")
}

/** Free-form metadata: a plain object or null, at most {@link JSON_BOUNDS} deep and large. */
export const metadata = withQuickTest(
  z.custom<Record<string, unknown> | null>(isObjectOrNull, { message: "must be an object or null" }).superRefine((value, ctx) => {
    const problem = checkJsonBounds(value)
    if (problem) ctx.addIssue({ code: "custom", message: problem })
  }),
  (value) => isObjectOrNull(value) && checkJsonBounds(value) === undefined,
)

const isNonEmptyString = (value: unknown) => typeof value === "string" && value.length >= 1

/** A non-empty string: an id, a title, a name, a code. */
const nonEmpty = () => withQuickTest(z.string().min(1, "is required"), isNonEmptyString)

/** A non-empty id. */
export const id = nonEmpty()

/** The default schema of a column kind; a model's check constraints become rules given by the caller. */
function byKind(column: ColumnSpec): z.ZodType {
  switch (column.kind) {
    case "text":
      return withQuickTest(z.string(), (value) => typeof value === "string")
    case "boolean":
      return withQuickTest(z.boolean(), (value) => typeof value === "boolean")
    case "integer":
      return withQuickTest(z.number().int(), (value) => Number.isSafeInteger(value))
    case "decimal":
      return amount
    case "money":
      return nonNegativeAmount
    case "json":
      // Objects are bounded like metadata; an `any` column (a shipping method's description) takes any JSON value.
      return column.json === "any" ? withQuickTest(z.unknown(), () => true) : metadata
    case "datetime":
      return withQuickTest(
        z.union([z.date(), z.string()]),
        (value) => typeof value === "string" || (value instanceof Date && !Number.isNaN(value.getTime())),
      )
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

/** Shipping method fields (creation). */
export const shippingMethod = columnsSchema(MODELS.ShippingMethod, {
  rules: { cart_id: id, name: nonEmpty() },
  optional: ["cart_id"],
})

/** Line item adjustment fields. */
export const lineItemAdjustment = columnsSchema(MODELS.LineItemAdjustment, { rules: { item_id: id }, omit: ["cart_id"] }).extend(rowId)
/** Shipping method adjustment fields. */
export const shippingMethodAdjustment = columnsSchema(MODELS.ShippingMethodAdjustment, {
  rules: { shipping_method_id: id },
  omit: ["cart_id"],
}).extend(rowId)

const taxLineRules = { code: nonEmpty(), rate }
/** Line item tax line fields. */
export const lineItemTaxLine = columnsSchema(MODELS.LineItemTaxLine, { rules: { ...taxLineRules, item_id: id }, omit: ["cart_id"] }).extend(
  rowId,
)
/** Shipping method tax line fields. */
export const shippingMethodTaxLine = columnsSchema(MODELS.ShippingMethodTaxLine, {
  rules: { ...taxLineRules, shipping_method_id: id },
  omit: ["cart_id"],
}).extend(rowId)

/** Line item fields, without the tax lines and adjustments a new item may carry (see {@link lineItem}). */
export const lineItemColumns = columnsSchema(MODELS.LineItem, {
  rules: { cart_id: id, title: nonEmpty(), quantity },
  optional: ["cart_id"],
})

/**
 * Line item fields (creation), with the tax lines and adjustments Medusa's `CreateLineItemDTO` lets a new
 * item carry: they are created with it, hung on it.
 */
export const lineItem = lineItemColumns.extend({
  tax_lines: z.array(lineItemTaxLine.omit({ item_id: true, id: true })).optional(),
  adjustments: z.array(lineItemAdjustment.omit({ item_id: true, id: true })).optional(),
})

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
