import Decimal from "decimal.js"
import { z } from "zod"

const decimalString = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

function isFiniteDecimal(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value)
  if (typeof value === "string") return decimalString.test(value.trim())
  if (typeof value === "object" && value !== null) {
    const inner = "value" in value ? (value as { value: unknown }).value : "raw" in value ? (value as { raw: { value: unknown } }).raw?.value : undefined
    if (inner !== undefined) return isFiniteDecimal(inner)
    if (value instanceof Decimal) return value.isFinite()
  }
  return false
}

function decimalOf(value: unknown): Decimal {
  if (typeof value === "object" && value !== null) {
    if (value instanceof Decimal) return value
    if ("value" in value) return new Decimal(String((value as { value: unknown }).value))
    if ("raw" in value) return new Decimal(String((value as { raw: { value: unknown } }).raw.value))
  }
  return new Decimal(String(value))
}

/** PostgreSQL `numeric` holds up to 131072 digits before the point and 16383 after; beyond that the INSERT fails. */
function fitsNumericColumn(value: unknown): boolean {
  const decimal = decimalOf(value)
  return decimal.isFinite() && decimal.e < 131072 && decimal.decimalPlaces() <= 16383
}

/** Any finite decimal amount (number, string, BigNumber or raw object) that a numeric column can store. */
export const amount = z.custom<unknown>((value) => isFiniteDecimal(value) && fitsNumericColumn(value), {
  message: "must be a finite decimal number",
})

/** A finite decimal ≥ 0. */
export const nonNegativeAmount = amount.refine((value) => decimalOf(value).gte(0), { message: "must be greater than or equal to 0" })

/** A tax rate percentage between 0 and 100. */
export const rate = amount.refine((value) => decimalOf(value).gte(0) && decimalOf(value).lte(100), { message: "must be between 0 and 100" })

/** A line quantity: an integer ≥ 1. */
export const quantity = amount.refine((value) => decimalOf(value).isInteger() && decimalOf(value).gte(1), {
  message: "must be an integer greater than or equal to 1",
})

/** A three-letter ISO 4217 code, any case. */
export const currencyCode = z.string().regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO 4217 currency code")

/** Free-form metadata: a plain object or null. */
export const metadata = z.record(z.string(), z.unknown()).nullable()

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
