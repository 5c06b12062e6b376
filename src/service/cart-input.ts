/** A cart create or update input, as validated. */
export type CartInput = Readonly<Record<string, unknown>>

/** The nested address fields of a cart input. */
export const CART_ADDRESS_FIELDS = ["shipping_address", "billing_address"] as const

/** Lower-cases `data.currency_code` in place, as Medusa stores currency codes. */
function lowerCurrency(data: Record<string, unknown>): Record<string, unknown> {
  if (typeof data.currency_code === "string") data.currency_code = data.currency_code.toLowerCase()
  return data
}

/** A copy of a cart input as written: the currency code in lower case, as Medusa stores it. */
export function normaliseCart(input: CartInput): Record<string, unknown> {
  return lowerCurrency({ ...input })
}

/**
 * {@link normaliseCart} on a cart's columns (from `toColumns`, so a fresh object), in place: a create
 * copies no input for it. The version is the module's own, never written from an input.
 */
export function normaliseCartColumns(columns: Record<string, unknown>): Record<string, unknown> {
  if ("version" in columns) delete columns.version
  return lowerCurrency(columns)
}
