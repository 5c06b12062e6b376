/** A cart create or update input, as validated. */
export type CartInput = Readonly<Record<string, unknown>>

/** The nested address fields of a cart input. */
export const CART_ADDRESS_FIELDS = ["shipping_address", "billing_address"] as const

/** A copy of a cart input as written: the currency code in lower case, as Medusa stores it. */
export function normaliseCart(input: CartInput): Record<string, unknown> {
  const data: Record<string, unknown> = { ...input }
  if (typeof data.currency_code === "string") data.currency_code = data.currency_code.toLowerCase()
  return data
}
