import type { ColumnSpec } from "./define-model"

/** The `cart_id` column of a row that belongs to a cart and goes when the cart is hard-deleted. */
export const belongsToCart = {
  cart_id: { kind: "text", references: { model: "Cart", onDelete: "cascade" } },
} as const satisfies Record<string, ColumnSpec>
