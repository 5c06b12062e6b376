import type { ValidationIssue } from "../errors/cart-module-error"

/**
 * The fields `@medusajs/cart` 2.21's models require on create, per input, in the order its ORM checks
 * them (model definition order), and under which entity name its message reports them. A missing one
 * is reported in Medusa's words (see {@link firstMissingRequired}).
 */
const REQUIRED: Readonly<Record<string, { readonly entity: string; readonly fields: readonly string[] }>> = {
  createCart: { entity: "Cart", fields: ["currency_code"] },
  createLineItem: { entity: "LineItem", fields: ["title", "quantity", "unit_price", "cart_id"] },
  createShippingMethod: { entity: "ShippingMethod", fields: ["name", "amount", "cart_id"] },
  createLineItemAdjustment: { entity: "LineItemAdjustment", fields: ["amount", "item_id"] },
  upsertLineItemAdjustment: { entity: "LineItemAdjustment", fields: ["amount", "item_id"] },
  createLineItemTaxLine: { entity: "LineItemTaxLine", fields: ["code", "rate", "item_id"] },
  upsertLineItemTaxLine: { entity: "LineItemTaxLine", fields: ["code", "rate", "item_id"] },
  createShippingMethodAdjustment: { entity: "ShippingMethodAdjustment", fields: ["amount", "shipping_method_id"] },
  upsertShippingMethodAdjustment: { entity: "ShippingMethodAdjustment", fields: ["amount", "shipping_method_id"] },
  createShippingMethodTaxLine: { entity: "ShippingMethodTaxLine", fields: ["code", "rate", "shipping_method_id"] },
  upsertShippingMethodTaxLine: { entity: "ShippingMethodTaxLine", fields: ["code", "rate", "shipping_method_id"] },
  createCreditLine: { entity: "CreditLine", fields: ["cart_id", "amount"] },
}

/** A required field found missing: which entity and field, and what was there (`undefined` or `null`). */
export interface MissingRequired {
  readonly entity: string
  readonly field: string
  readonly found: null | undefined
  readonly issue: ValidationIssue
}

function missingIn(name: string, input: Record<string, unknown>, path: readonly (string | number)[]): MissingRequired | undefined {
  const required = REQUIRED[name]
  // An upsert entry with an id is an update: nothing is required of it.
  if (!required || (name.startsWith("upsert") && typeof input.id === "string")) return undefined
  for (const field of required.fields) {
    const value = input[field]
    if (value === undefined || value === null) {
      return { entity: required.entity, field, found: value, issue: { path: [...path, field], message: "is required" } }
    }
  }
  return undefined
}

/**
 * The first required field missing from a batch, scanning inputs in order as Medusa's flush does:
 * the carts of a `createCarts` call first, then their nested items.
 */
export function firstMissingRequired(name: string, inputs: readonly unknown[]): MissingRequired | undefined {
  const objects = inputs.map((input, index) => ({ input, path: inputs.length > 1 ? [index] : [] }))
  const records = objects.filter(
    (entry): entry is { input: Record<string, unknown>; path: number[] } => typeof entry.input === "object" && entry.input !== null,
  )
  for (const { input, path } of records) {
    const missing = missingIn(name, input, path)
    if (missing) return missing
  }
  if (name !== "createCart") return undefined
  for (const { input, path } of records) {
    const items: readonly unknown[] = Array.isArray(input.items) ? input.items : []
    for (const [index, item] of items.entries()) {
      if (typeof item !== "object" || item === null) continue
      // Nested items get their cart's id from the cart itself, so only their own fields can be missing.
      const missing = missingIn("createLineItem", { cart_id: "", ...item }, [...path, "items", index])
      if (missing) return missing
    }
  }
  return undefined
}
