import { defineModel } from "./define-model"

/** A shopping cart (`cart`, ids `cart_…`); `version` is ours: bumped on every write to the cart or its children. */
export const Cart = defineModel({
  name: "Cart",
  table: "cart",
  idPrefix: "cart",
  columns: {
    region_id: { kind: "text", nullable: true },
    customer_id: { kind: "text", nullable: true },
    sales_channel_id: { kind: "text", nullable: true },
    email: { kind: "text", nullable: true },
    currency_code: { kind: "text" },
    locale: { kind: "text", nullable: true },
    shipping_address_id: { kind: "text", nullable: true, references: { model: "Address", onDelete: "set null", deferred: true } },
    billing_address_id: { kind: "text", nullable: true, references: { model: "Address", onDelete: "set null", deferred: true } },
    metadata: { kind: "json", nullable: true },
    completed_at: { kind: "datetime", nullable: true },
    version: { kind: "integer", default: "1" },
    /** Ours: when the cart last changed (kept by a trigger on every update); `purgeCarts` reads it. */
    last_active_at: { kind: "datetime", default: "now()" },
  },
  relations: {
    items: { model: "LineItem", kind: "many", column: "cart_id" },
    shipping_methods: { model: "ShippingMethod", kind: "many", column: "cart_id" },
    credit_lines: { model: "CreditLine", kind: "many", column: "cart_id" },
    shipping_address: { model: "Address", kind: "one", column: "shipping_address_id" },
    billing_address: { model: "Address", kind: "one", column: "billing_address_id" },
  },
  indexed: ["region_id", "customer_id", "sales_channel_id", "currency_code", "shipping_address_id", "billing_address_id", "last_active_at"],
  checks: [
    { name: "cart_currency_code_check", expression: "currency_code ~ '^[a-z]{3}$'" },
    { name: "cart_version_check", expression: "version >= 1" },
  ],
})
