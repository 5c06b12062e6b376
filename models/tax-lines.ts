import { defineModel, parentReference } from "./define-model"
import type { ColumnSpec } from "./define-model"

const taxLineColumns = <P extends string>(parentColumn: P, parentModel: string) =>
  ({
    cart_id: { kind: "text", references: { model: "Cart", onDelete: "cascade" } },
    ...parentReference(parentColumn, parentModel),
    description: { kind: "text", nullable: true },
    tax_rate_id: { kind: "text", nullable: true },
    code: { kind: "text" },
    rate: { kind: "decimal" },
    provider_id: { kind: "text", nullable: true },
    metadata: { kind: "json", nullable: true },
    // What the tax provider returned for this line (Medusa 2.17.3+); stored and returned as given.
    data: { kind: "json", nullable: true },
  }) as const satisfies Record<string, ColumnSpec>

const rateCheck = (table: string) => ({ name: `${table}_rate_check`, expression: "rate >= 0 AND rate <= 100" })

/** A tax applied to a line item (`cart_line_item_tax_line`, ids `calitxl_…`); `rate` is a percentage. */
export const LineItemTaxLine = defineModel({
  name: "LineItemTaxLine",
  table: "cart_line_item_tax_line",
  idPrefix: "calitxl",
  columns: taxLineColumns("item_id", "LineItem"),
  relations: { item: { model: "LineItem", kind: "one", column: "item_id" } },
  indexed: ["cart_id", "item_id", "tax_rate_id"],
  checks: [rateCheck("cart_line_item_tax_line")],
})

/** A tax applied to a shipping method (`cart_shipping_method_tax_line`, ids `casmtxl_…`). */
export const ShippingMethodTaxLine = defineModel({
  name: "ShippingMethodTaxLine",
  table: "cart_shipping_method_tax_line",
  idPrefix: "casmtxl",
  columns: taxLineColumns("shipping_method_id", "ShippingMethod"),
  relations: { shipping_method: { model: "ShippingMethod", kind: "one", column: "shipping_method_id" } },
  indexed: ["cart_id", "shipping_method_id", "tax_rate_id"],
  checks: [rateCheck("cart_shipping_method_tax_line")],
})
