import type { Decimal } from "../money/decimal"
import { decimalOrUndefined } from "../money/decimal"
import { z } from "zod"
import { checkJsonBounds } from "./json-bounds"
import { MONEY_BOUNDS, RATE_BOUNDS } from "./money-bounds"

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

const text = z.string().nullable()
/** A non-empty id. */
export const id = z.string().min(1, "is required")

/** Address fields. */
export const address = z.object({
  id: id.optional(),
  customer_id: text.optional(),
  company: text.optional(),
  first_name: text.optional(),
  last_name: text.optional(),
  address_1: text.optional(),
  address_2: text.optional(),
  city: text.optional(),
  country_code: text.optional(),
  province: text.optional(),
  postal_code: text.optional(),
  phone: text.optional(),
  metadata: metadata.optional(),
})

/** Line item fields (creation). */
export const lineItem = z.object({
  cart_id: id.optional(),
  title: z.string().min(1, "is required"),
  subtitle: text.optional(),
  thumbnail: text.optional(),
  quantity,
  unit_price: nonNegativeAmount,
  compare_at_unit_price: nonNegativeAmount.nullable().optional(),
  variant_id: text.optional(),
  product_id: text.optional(),
  variant_option_values: metadata.optional(),
  requires_shipping: z.boolean().optional(),
  is_discountable: z.boolean().optional(),
  is_giftcard: z.boolean().optional(),
  is_tax_inclusive: z.boolean().optional(),
  is_custom_price: z.boolean().optional(),
  metadata: metadata.optional(),
})

/** Shipping method fields (creation). */
export const shippingMethod = z.object({
  cart_id: id.optional(),
  name: z.string().min(1, "is required"),
  amount: nonNegativeAmount,
  is_tax_inclusive: z.boolean().optional(),
  shipping_option_id: text.optional(),
  data: metadata.optional(),
  metadata: metadata.optional(),
})

const adjustmentBase = {
  id: id.optional(),
  amount: nonNegativeAmount,
  code: text.optional(),
  description: text.optional(),
  is_tax_inclusive: z.boolean().optional(),
  provider_id: text.optional(),
  promotion_id: text.optional(),
  metadata: metadata.optional(),
}

const taxLineBase = {
  id: id.optional(),
  code: z.string().min(1, "is required"),
  rate,
  description: text.optional(),
  tax_rate_id: text.optional(),
  provider_id: text.optional(),
  metadata: metadata.optional(),
  data: z.record(z.string(), z.unknown()).nullable().optional(),
}

/** Line item adjustment fields. */
export const lineItemAdjustment = z.object({ ...adjustmentBase, item_id: id })
/** Shipping method adjustment fields. */
export const shippingMethodAdjustment = z.object({ ...adjustmentBase, shipping_method_id: id })
/** Line item tax line fields. */
export const lineItemTaxLine = z.object({ ...taxLineBase, item_id: id })
/** Shipping method tax line fields. */
export const shippingMethodTaxLine = z.object({ ...taxLineBase, shipping_method_id: id })

/** Credit line fields (the amount may be negative). */
export const creditLine = z.object({
  cart_id: id,
  amount,
  reference: text.optional(),
  reference_id: text.optional(),
  metadata: metadata.optional(),
})

/** Cart fields (creation). */
export const cart = z.object({
  currency_code: currencyCode,
  region_id: text.optional(),
  customer_id: text.optional(),
  sales_channel_id: text.optional(),
  email: text.optional(),
  locale: text.optional(),
  shipping_address_id: text.optional(),
  billing_address_id: text.optional(),
  shipping_address: address.nullable().optional(),
  billing_address: address.nullable().optional(),
  items: z.array(lineItem.omit({ cart_id: true })).optional(),
  metadata: metadata.optional(),
  completed_at: z.union([z.date(), z.string(), z.null()]).optional(),
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
