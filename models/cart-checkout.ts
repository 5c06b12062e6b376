import { belongsToCart } from "./cart-reference"
import { defineModel } from "./define-model"

/**
 * Checkout state the module owns and no contract method writes (`cart_checkout`, one row per cart,
 * `id` = the cart's id): the selected payment provider, the applied promotion codes and the completion
 * record (order id and idempotency key). It decides money and identity, so it never lives in
 * `cart.metadata`, which clients may write; it is not part of Medusa's `ICartModuleService` models.
 */
export const CartCheckout = defineModel({
  name: "CartCheckout",
  table: "cart_checkout",
  idPrefix: "cart",
  columns: {
    ...belongsToCart,
    selected_payment_provider_id: { kind: "text", nullable: true },
    promotion_codes: { kind: "json", nullable: true },
    order_id: { kind: "text", nullable: true },
    idempotency_key: { kind: "text", nullable: true },
    completed_at: { kind: "datetime", nullable: true },
  },
  relations: { cart: { model: "Cart", kind: "one", column: "cart_id" } },
  indexed: ["cart_id", "order_id"],
  checks: [],
})
