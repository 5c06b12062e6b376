import { belongsToCart } from "./cart-reference"
import { defineModel } from "./define-model"

/** Store credit applied to a cart (`credit_line`, ids `cacl_…`); the amount may be negative. */
export const CreditLine = defineModel({
  name: "CreditLine",
  table: "credit_line",
  idPrefix: "cacl",
  columns: {
    ...belongsToCart,
    reference: { kind: "text", nullable: true },
    reference_id: { kind: "text", nullable: true },
    amount: { kind: "money" },
    metadata: { kind: "json", nullable: true },
  },
  relations: { cart: { model: "Cart", kind: "one", column: "cart_id" } },
  indexed: ["cart_id", "reference", "reference_id"],
  checks: [],
})
