import { belongsToCart } from "./cart-reference"
import { defineModel } from "./define-model"

/** A shipping method chosen for a cart (`cart_shipping_method`, ids `casm_…`). */
export const ShippingMethod = defineModel({
  name: "ShippingMethod",
  table: "cart_shipping_method",
  idPrefix: "casm",
  columns: {
    ...belongsToCart,
    name: { kind: "text" },
    description: { kind: "json", nullable: true, json: "any" },
    amount: { kind: "money" },
    is_tax_inclusive: { kind: "boolean", default: "false" },
    shipping_option_id: { kind: "text", nullable: true },
    data: { kind: "json", nullable: true },
    metadata: { kind: "json", nullable: true },
  },
  relations: {
    adjustments: { model: "ShippingMethodAdjustment", kind: "many", column: "shipping_method_id" },
    tax_lines: { model: "ShippingMethodTaxLine", kind: "many", column: "shipping_method_id" },
    cart: { model: "Cart", kind: "one", column: "cart_id" },
  },
  indexed: ["cart_id", "shipping_option_id"],
  checks: [{ name: "cart_shipping_method_amount_check", expression: "amount >= 0" }],
})
