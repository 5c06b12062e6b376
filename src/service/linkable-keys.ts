import type { Model } from "../../models"

/** Medusa's linkable-key map returned by soft delete and restore, e.g. `{ cart_id: ["cart_1"] }`. */
export type LinkableKeys = Record<string, string[]>

const LINKABLE_KEY: Readonly<Record<string, string>> = {
  cart: "cart_id",
  cart_address: "address_id",
  cart_line_item: "line_item_id",
  cart_line_item_adjustment: "line_item_adjustment_id",
  cart_line_item_tax_line: "line_item_tax_line_id",
  cart_shipping_method: "shipping_method_id",
  cart_shipping_method_adjustment: "shipping_method_adjustment_id",
  cart_shipping_method_tax_line: "shipping_method_tax_line_id",
  credit_line: "credit_line_id",
}

/** The ids a soft delete or restore touched, per table, as Medusa's linkable keys (tables that touched none are left out). */
export function linkable(affected: ReadonlyMap<Model, string[]>): LinkableKeys {
  const out: LinkableKeys = {}
  for (const [model, ids] of affected) if (ids.length) out[LINKABLE_KEY[model.table]!] = ids
  return out
}
