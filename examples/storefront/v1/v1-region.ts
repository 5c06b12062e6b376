import type { ShippingOption } from "../../../src/ports/fulfillment"
import type { OrderSummary } from "../../../src/ports/order"
import type { Region } from "../../../src/ports/region"
import { toMinorUnits } from "./money"

type Json = Record<string, unknown>

// Display names of the seeded countries; others show their upper-case code.
const COUNTRY_NAMES: ReadonlyMap<string, string> = new Map([
  ["de", "Germany"],
  ["fr", "France"],
  ["it", "Italy"],
  ["us", "United States"],
  ["gb", "United Kingdom"],
])

/** A v1 Region with its countries and payment providers. */
export function toV1Region(region: Region): Json {
  return {
    object: "region",
    id: region.id,
    name: region.name,
    currency_code: region.currency_code,
    tax_rate: region.tax_rate,
    tax_code: region.tax_code ?? null,
    gift_cards_taxable: false,
    automatic_taxes: true,
    includes_tax: false,
    tax_provider_id: null,
    countries: region.countries.map((iso2) => {
      const name = COUNTRY_NAMES.get(iso2) ?? iso2.toUpperCase()
      return { id: iso2, iso_2: iso2, name: name.toUpperCase(), display_name: name, region_id: region.id }
    }),
    payment_providers: region.payment_providers.map((id) => ({ id, is_installed: true })),
    fulfillment_providers: [{ id: "manual", is_installed: true }],
    metadata: null,
  }
}

/** A v1 ShippingOption priced for a cart (`amount` in the smallest unit). */
export function toV1ShippingOption(option: ShippingOption, regionId: string | null, currency: string): Json {
  return {
    id: option.id,
    name: option.name,
    region_id: regionId,
    provider_id: option.provider_id ?? "manual",
    price_type: "flat_rate",
    amount: toMinorUnits(option.amount, currency),
    price_incl_tax: null,
    is_return: false,
    admin_only: false,
    requirements: [],
    data: option.data ?? {},
    metadata: null,
  }
}

/** A v1 Order as completion returns it (`{ type: "order", data }`); totals in the smallest unit. */
export function toV1Order(order: OrderSummary, cart: Json): Json {
  const { total: _exactTotal, ...rest } = order
  return {
    object: "order",
    ...rest,
    status: "pending",
    fulfillment_status: "not_fulfilled",
    payment_status: "awaiting",
    region_id: cart.region_id,
    customer_id: cart.customer_id,
    email: order.email ?? cart.email,
    items: cart.items,
    shipping_methods: cart.shipping_methods,
    shipping_address: cart.shipping_address,
    billing_address: cart.billing_address,
    discounts: cart.discounts,
    gift_cards: cart.gift_cards,
    subtotal: cart.subtotal,
    discount_total: cart.discount_total,
    shipping_total: cart.shipping_total,
    tax_total: cart.tax_total,
    gift_card_total: cart.gift_card_total,
    gift_card_tax_total: cart.gift_card_tax_total,
    total: cart.total,
    paid_total: 0,
    refunded_total: 0,
    refundable_amount: cart.total,
  }
}
