import { defineModel, parentReference } from "./define-model"
import type { ColumnSpec } from "./define-model"

const adjustmentColumns = <P extends string>(parentColumn: P, parentModel: string) =>
  ({
    cart_id: { kind: "text", references: { model: "Cart", onDelete: "cascade" } },
    ...parentReference(parentColumn, parentModel),
    description: { kind: "text", nullable: true },
    code: { kind: "text", nullable: true },
    amount: { kind: "money" },
    is_tax_inclusive: { kind: "boolean", default: "false" },
    provider_id: { kind: "text", nullable: true },
    promotion_id: { kind: "text", nullable: true },
    metadata: { kind: "json", nullable: true },
  }) as const satisfies Record<string, ColumnSpec>

/** A discount on a line item (`cart_line_item_adjustment`, ids `caliadj_…`); `amount` is the positive discount. */
export const LineItemAdjustment = defineModel({
  name: "LineItemAdjustment",
  table: "cart_line_item_adjustment",
  idPrefix: "caliadj",
  columns: adjustmentColumns("item_id", "LineItem"),
  relations: { item: { model: "LineItem", kind: "one", column: "item_id" } },
  indexed: ["cart_id", "item_id", "promotion_id"],
  checks: [{ name: "cart_line_item_adjustment_amount_check", expression: "amount >= 0" }],
})

/** A discount on a shipping method (`cart_shipping_method_adjustment`, ids `casmadj_…`). */
export const ShippingMethodAdjustment = defineModel({
  name: "ShippingMethodAdjustment",
  table: "cart_shipping_method_adjustment",
  idPrefix: "casmadj",
  columns: adjustmentColumns("shipping_method_id", "ShippingMethod"),
  relations: { shipping_method: { model: "ShippingMethod", kind: "one", column: "shipping_method_id" } },
  indexed: ["cart_id", "shipping_method_id", "promotion_id"],
  checks: [{ name: "cart_shipping_method_adjustment_amount_check", expression: "amount >= 0" }],
})
