import { defineLineChildren } from "./line-children"

const adjustments = defineLineChildren({
  name: "Adjustment",
  table: "adjustment",
  idSuffix: "adj",
  columns: {
    description: { kind: "text", nullable: true },
    code: { kind: "text", nullable: true },
    amount: { kind: "money" },
    is_tax_inclusive: { kind: "boolean", default: "false" },
    provider_id: { kind: "text", nullable: true },
    promotion_id: { kind: "text", nullable: true },
    metadata: { kind: "json", nullable: true },
  },
  indexed: "promotion_id",
  checks: (table) => [{ name: `${table}_amount_check`, expression: "amount >= 0" }],
})

/** A discount on a line item (`cart_line_item_adjustment`, ids `caliadj_…`); `amount` is the positive discount. */
export const LineItemAdjustment = adjustments.item

/** A discount on a shipping method (`cart_shipping_method_adjustment`, ids `casmadj_…`). */
export const ShippingMethodAdjustment = adjustments.shippingMethod
