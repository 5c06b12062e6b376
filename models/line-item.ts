import { belongsToCart } from "./cart-reference"
import { defineModel } from "./define-model"

/** A product line in a cart (`cart_line_item`, ids `cali_…`) with Medusa 2.21's product and variant snapshot. */
export const LineItem = defineModel({
  name: "LineItem",
  table: "cart_line_item",
  idPrefix: "cali",
  columns: {
    ...belongsToCart,
    title: { kind: "text" },
    subtitle: { kind: "text", nullable: true },
    thumbnail: { kind: "text", nullable: true },
    quantity: { kind: "integer" },
    variant_id: { kind: "text", nullable: true },
    product_id: { kind: "text", nullable: true },
    product_title: { kind: "text", nullable: true },
    product_description: { kind: "text", nullable: true },
    product_subtitle: { kind: "text", nullable: true },
    product_type: { kind: "text", nullable: true },
    product_type_id: { kind: "text", nullable: true },
    product_collection: { kind: "text", nullable: true },
    product_handle: { kind: "text", nullable: true },
    variant_sku: { kind: "text", nullable: true },
    variant_barcode: { kind: "text", nullable: true },
    variant_title: { kind: "text", nullable: true },
    variant_option_values: { kind: "json", nullable: true },
    requires_shipping: { kind: "boolean", default: "true" },
    is_discountable: { kind: "boolean", default: "true" },
    is_giftcard: { kind: "boolean", default: "false" },
    is_tax_inclusive: { kind: "boolean", default: "false" },
    is_custom_price: { kind: "boolean", default: "false" },
    compare_at_unit_price: { kind: "money", nullable: true },
    unit_price: { kind: "money" },
    metadata: { kind: "json", nullable: true },
  },
  relations: {
    adjustments: { model: "LineItemAdjustment", kind: "many", column: "item_id" },
    tax_lines: { model: "LineItemTaxLine", kind: "many", column: "item_id" },
    cart: { model: "Cart", kind: "one", column: "cart_id" },
  },
  indexed: ["cart_id", "variant_id", "product_id", "product_type_id"],
  checks: [
    { name: "cart_line_item_quantity_check", expression: "quantity > 0" },
    { name: "cart_line_item_unit_price_check", expression: "unit_price >= 0" },
    { name: "cart_line_item_compare_at_unit_price_check", expression: "compare_at_unit_price >= 0" },
  ],
})
