import type { FlowDeps } from "../../src/flows/flow-deps"
import { InMemoryFulfillment } from "../../src/ports/fulfillment"
import { InMemoryGiftCards } from "../../src/ports/gift-card"
import { InMemoryInventory } from "../../src/ports/inventory"
import { InMemoryOrders } from "../../src/ports/order"
import { InMemoryPayment } from "../../src/ports/payment"
import { InMemoryPricing } from "../../src/ports/pricing"
import { InMemoryProductCatalog } from "../../src/ports/product-catalog"
import type { CatalogVariant } from "../../src/ports/product-catalog"
import { InMemoryPromotions } from "../../src/ports/promotion"
import { InMemoryRegions } from "../../src/ports/region"
import { InMemorySalesChannels } from "../../src/ports/sales-channel"
import { InMemoryTax } from "../../src/ports/tax"

/** The storefront's in-memory host modules: every port the flows need, with concrete classes for inspection. */
export interface SeededHost extends Omit<FlowDeps, "cart"> {
  readonly payment: InMemoryPayment
  readonly orders: InMemoryOrders
}

/** Ids of the seeded catalogue, for tests and the demo. */
export const SEED = {
  regions: { eu: "reg_eu", us: "reg_us" },
  variants: { teeSmall: "variant_tee_s", teeMedium: "variant_tee_m", mug: "variant_mug", poster: "variant_poster_web" },
  shippingOptions: { euStandard: "so_eu_standard", euExpress: "so_eu_express", usStandard: "so_us_standard", usExpress: "so_us_express" },
  salesChannels: { web: "sc_web" },
  promotions: { tenPercent: "SAVE10", freeShipping: "FREESHIP" },
  giftCards: { euro20: "GIFT-EUR-20", euro5: "GIFT-EUR-5", dollar50: "GIFT-USD-50" },
} as const

/** The Paris address the demo and the checkout tests ship to. */
export const DEMO_SHIPPING_ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "1 rue de la Paix",
  city: "Paris",
  postal_code: "75002",
  country_code: "fr",
} as const

const tee = { id: "prod_tee", title: "Cartwright Tee", handle: "cartwright-tee", description: "Organic cotton", thumbnail: "/tee.png" }
const mug = { id: "prod_mug", title: "Enamel Mug", handle: "enamel-mug" }
const poster = { id: "prod_poster", title: "Poster", handle: "poster", sales_channel_ids: [SEED.salesChannels.web] }

const VARIANTS: readonly CatalogVariant[] = [
  { id: SEED.variants.teeSmall, title: "S", sku: "TEE-S", option_values: { size: "S" }, product: tee },
  { id: SEED.variants.teeMedium, title: "M", sku: "TEE-M", option_values: { size: "M" }, product: tee },
  { id: SEED.variants.mug, title: "One size", sku: "MUG", product: mug },
  { id: SEED.variants.poster, title: "A2", sku: "POSTER-A2", product: poster },
]

/** Builds fresh in-memory host modules over the seeded catalogue (two regions, four variants, two shipping options per region). */
export function seedHost(options: { declinePaymentsAbove?: number; paymentActionAbove?: number } = {}): SeededHost {
  const { eu, us } = SEED.regions
  const v = SEED.variants
  return {
    regions: new InMemoryRegions([
      {
        id: eu,
        name: "Europe",
        currency_code: "eur",
        countries: ["de", "fr", "it"],
        payment_providers: ["manual"],
        tax_rate: 20,
        tax_code: "VAT",
      },
      {
        id: us,
        name: "United States",
        currency_code: "usd",
        countries: ["us"],
        payment_providers: ["manual"],
        tax_rate: 8.25,
        tax_code: "SALES",
      },
    ]),
    catalog: new InMemoryProductCatalog(VARIANTS),
    pricing: new InMemoryPricing([
      { variant_id: v.teeSmall, currency_code: "eur", amount: 25 },
      { variant_id: v.teeMedium, currency_code: "eur", amount: 25 },
      { variant_id: v.mug, currency_code: "eur", amount: "12.50" },
      { variant_id: v.poster, currency_code: "eur", amount: 18 },
      { variant_id: v.teeSmall, currency_code: "usd", amount: 29 },
      { variant_id: v.teeMedium, currency_code: "usd", amount: 29 },
      { variant_id: v.mug, currency_code: "usd", amount: "14.99" },
      { variant_id: v.poster, currency_code: "usd", amount: 21 },
    ]),
    tax: new InMemoryTax([
      { region_id: eu, rate: 20, code: "VAT", name: "VAT 20%" },
      { region_id: eu, country_code: "de", rate: 19, code: "VAT-DE", name: "MwSt 19%" },
      { region_id: us, rate: 8.25, code: "SALES", name: "Sales tax" },
    ]),
    promotions: new InMemoryPromotions([
      { id: "promo_save10", code: SEED.promotions.tenPercent, type: "percentage_items", value: 10 },
      { id: "promo_freeship", code: SEED.promotions.freeShipping, type: "fixed_shipping", value: 100 },
    ]),
    fulfillment: new InMemoryFulfillment([
      { id: SEED.shippingOptions.euStandard, name: "Standard", region_id: eu, amount: 5, free_above: 100 },
      { id: SEED.shippingOptions.euExpress, name: "Express", region_id: eu, amount: 15 },
      { id: SEED.shippingOptions.usStandard, name: "Standard", region_id: us, amount: 6 },
      { id: SEED.shippingOptions.usExpress, name: "Express", region_id: us, amount: 18 },
    ]),
    payment: new InMemoryPayment({
      ...(options.declinePaymentsAbove === undefined ? {} : { declineAbove: options.declinePaymentsAbove }),
      ...(options.paymentActionAbove === undefined ? {} : { requireMoreAbove: options.paymentActionAbove }),
    }),
    orders: new InMemoryOrders(),
    salesChannels: new InMemorySalesChannels([{ id: SEED.salesChannels.web, name: "Web store" }]),
    inventory: new InMemoryInventory([]),
    giftCards: new InMemoryGiftCards([
      { id: "gc_eur_20", code: SEED.giftCards.euro20, balance: 20, currency_code: "eur", region_id: eu },
      { id: "gc_eur_5", code: SEED.giftCards.euro5, balance: 5, currency_code: "eur", region_id: eu },
      { id: "gc_usd_50", code: SEED.giftCards.dollar50, balance: 50, currency_code: "usd", region_id: us },
    ]),
  }
}
