import { defineModel } from "./define-model"

/** A shipping or billing address (`cart_address`, ids `caaddr_…`); `cart_id` is set once it is attached to a cart. */
export const Address = defineModel({
  name: "Address",
  table: "cart_address",
  idPrefix: "caaddr",
  columns: {
    cart_id: { kind: "text", nullable: true, references: { model: "Cart", onDelete: "cascade" } },
    customer_id: { kind: "text", nullable: true },
    company: { kind: "text", nullable: true },
    first_name: { kind: "text", nullable: true },
    last_name: { kind: "text", nullable: true },
    address_1: { kind: "text", nullable: true },
    address_2: { kind: "text", nullable: true },
    city: { kind: "text", nullable: true },
    country_code: { kind: "text", nullable: true },
    province: { kind: "text", nullable: true },
    postal_code: { kind: "text", nullable: true },
    phone: { kind: "text", nullable: true },
    metadata: { kind: "json", nullable: true },
  },
  relations: {},
  indexed: ["cart_id", "customer_id"],
  checks: [],
})
