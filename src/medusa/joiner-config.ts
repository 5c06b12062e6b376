import type { MedusaJoinerConfig, MedusaLinkable } from "./medusa-shapes"

// Mirrors what @medusajs/cart 2.21.2 declares (its `Module(Modules.CART, ...)` generates both from its DML
// models: `service.prototype.__joinerConfig()` and the module's `linkable`), so Medusa's query graph and
// links (cart <-> customer, region, sales channel, promotion, payment collection) resolve against us unchanged.

const ENTITIES = [
  ["Cart", "cart", "carts", "Carts", "cart_id", "cart"],
  ["CreditLine", "credit_line", "credit_lines", "CreditLines", "credit_line_id", "cacl"],
  ["Address", "address", "addresses", "Addresses", "address_id", "caaddr"],
  ["LineItem", "line_item", "line_items", "LineItems", "line_item_id", "cali"],
  ["LineItemAdjustment", "line_item_adjustment", "line_item_adjustments", "LineItemAdjustments", "line_item_adjustment_id", "caliadj"],
  ["LineItemTaxLine", "line_item_tax_line", "line_item_tax_lines", "LineItemTaxLines", "line_item_tax_line_id", "calitxl"],
  ["ShippingMethod", "shipping_method", "shipping_methods", "ShippingMethods", "shipping_method_id", "casm"],
  [
    "ShippingMethodAdjustment",
    "shipping_method_adjustment",
    "shipping_method_adjustments",
    "ShippingMethodAdjustments",
    "shipping_method_adjustment_id",
    "casmadj",
  ],
  [
    "ShippingMethodTaxLine",
    "shipping_method_tax_line",
    "shipping_method_tax_lines",
    "ShippingMethodTaxLines",
    "shipping_method_tax_line_id",
    "casmtxl",
  ],
] as const

/** The module key Medusa registers the cart module under (`Modules.CART`). */
export const CART_MODULE_KEY = "cart"

// The GraphQL types Medusa's query layer reads fields and relations from, as @medusajs/cart 2.21.2 emits them.
// The totals a cart and a shipping method both expose (a line item has its item_* totals in between).
const TOTAL_FIELDS = `original_total: Float!
original_subtotal: Float!
original_tax_total: Float!
total: Float!
subtotal: Float!
tax_total: Float!
discount_total: Float!
discount_tax_total: Float!`

const SCHEMA = `
scalar DateTime
scalar JSON
directive @enumValue(value: String) on ENUM_VALUE
type Cart {
id: ID!
region_id: String
customer_id: String
sales_channel_id: String
email: String
currency_code: String!
locale: String
metadata: JSON
completed_at: DateTime
shipping_address_id: String
shipping_address: Address
billing_address_id: String
billing_address: Address
items: [LineItem]!
credit_lines: [CreditLine]!
shipping_methods: [ShippingMethod]!
original_item_total: Float!
original_item_subtotal: Float!
original_item_tax_total: Float!
item_total: Float!
item_subtotal: Float!
item_tax_total: Float!
${TOTAL_FIELDS}
gift_card_total: Float!
gift_card_tax_total: Float!
shipping_total: Float!
shipping_subtotal: Float!
shipping_tax_total: Float!
original_shipping_total: Float!
original_shipping_subtotal: Float!
original_shipping_tax_total: Float!
created_at: DateTime!
updated_at: DateTime!
deleted_at: DateTime
}
type CreditLine {
id: ID!
cart_id: String!
cart: Cart!
reference: String
reference_id: String
amount: Float!
raw_amount: JSON!
metadata: JSON
created_at: DateTime!
updated_at: DateTime!
deleted_at: DateTime
}
type Address {
id: ID!
customer_id: String
company: String
first_name: String
last_name: String
address_1: String
address_2: String
city: String
country_code: String
province: String
postal_code: String
phone: String
metadata: JSON
created_at: DateTime!
updated_at: DateTime!
deleted_at: DateTime
}
type LineItem {
id: ID!
title: String!
subtitle: String
thumbnail: String
quantity: Int!
variant_id: String
product_id: String
product_title: String
product_description: String
product_subtitle: String
product_type: String
product_type_id: String
product_collection: String
product_handle: String
variant_sku: String
variant_barcode: String
variant_title: String
variant_option_values: JSON
requires_shipping: Boolean!
is_discountable: Boolean!
is_giftcard: Boolean!
is_tax_inclusive: Boolean!
is_custom_price: Boolean!
compare_at_unit_price: Float
unit_price: Float!
metadata: JSON
original_total: Float!
original_subtotal: Float!
original_tax_total: Float!
item_total: Float!
item_subtotal: Float!
item_tax_total: Float!
total: Float!
subtotal: Float!
tax_total: Float!
discount_total: Float!
discount_tax_total: Float!
adjustments: [LineItemAdjustment]!
tax_lines: [LineItemTaxLine]!
cart_id: String!
cart: Cart!
raw_compare_at_unit_price: JSON
raw_unit_price: JSON!
created_at: DateTime!
updated_at: DateTime!
deleted_at: DateTime
}
type LineItemAdjustment {
id: ID!
description: String
code: String
amount: Float!
is_tax_inclusive: Boolean!
provider_id: String
promotion_id: String
metadata: JSON
item_id: String!
item: LineItem!
raw_amount: JSON!
created_at: DateTime!
updated_at: DateTime!
deleted_at: DateTime
}
type LineItemTaxLine {
id: ID!
description: String
code: String!
rate: Float!
provider_id: String
metadata: JSON
data: JSON
tax_rate_id: String
item_id: String!
item: LineItem!
created_at: DateTime!
updated_at: DateTime!
deleted_at: DateTime
}
type ShippingMethod {
id: ID!
name: String!
description: JSON
amount: Float!
is_tax_inclusive: Boolean!
shipping_option_id: String
data: JSON
metadata: JSON
${TOTAL_FIELDS}
cart_id: String!
cart: Cart!
tax_lines: [ShippingMethodTaxLine]!
adjustments: [ShippingMethodAdjustment]!
raw_amount: JSON!
created_at: DateTime!
updated_at: DateTime!
deleted_at: DateTime
}
type ShippingMethodAdjustment {
id: ID!
description: String
code: String
amount: Float!
provider_id: String
metadata: JSON
promotion_id: String
shipping_method_id: String!
shipping_method: ShippingMethod!
raw_amount: JSON!
created_at: DateTime!
updated_at: DateTime!
deleted_at: DateTime
}
type ShippingMethodTaxLine {
id: ID!
description: String
code: String!
rate: Float!
provider_id: String
tax_rate_id: String
metadata: JSON
data: JSON
shipping_method_id: String!
shipping_method: ShippingMethod!
created_at: DateTime!
updated_at: DateTime!
deleted_at: DateTime
}
`

/** The joiner configuration Medusa's module loader and query graph read from `service.prototype.__joinerConfig()`. */
export function cartJoinerConfig(): MedusaJoinerConfig {
  return {
    serviceName: CART_MODULE_KEY,
    primaryKeys: ["id"],
    schema: SCHEMA,
    linkableKeys: Object.fromEntries(ENTITIES.map(([entity, , , , key]) => [key, entity])),
    idPrefixToEntityName: Object.fromEntries(ENTITIES.map(([entity, , , , , prefix]) => [prefix, entity])),
    alias: ENTITIES.map(([entity, one, many, methodSuffix]) => ({ name: [one, many], entity, args: { methodSuffix } })),
  }
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1)
}

/** The `linkable` export Medusa's `defineLink` reads (`CartModule.linkable.cart`). */
export const cartLinkable: Readonly<Record<string, MedusaLinkable>> = Object.fromEntries(
  ENTITIES.map(([entity, , , , key]) => [
    lowerFirst(entity),
    { linkable: key, primaryKey: "id", serviceName: CART_MODULE_KEY, field: lowerFirst(entity), entity },
  ]),
)
