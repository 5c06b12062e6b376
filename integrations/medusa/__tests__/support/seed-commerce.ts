import { Modules } from "@medusajs/framework/utils"
import type { MedusaModules } from "./medusa-modules"

/** The ids of what {@link seedCommerce} created. */
export type SeededCommerce = Awaited<ReturnType<typeof seedCommerce>>

/**
 * A small store, written through each Medusa module's own service (and Medusa's links), never with SQL:
 * two regions (EUR with DE/FR; DKK with DK, DKK prices tax-inclusive by a price preference), two sales
 * channels, a tee (M; L with a 10+ tier), a mug (a VIP customer-group sale price), a book (7 % reduced
 * German rate by product type) and a poster sold only in the shop channel, German and Danish taxes,
 * and promotions.
 */
export async function seedCommerce({ container, link }: MedusaModules) {
  const regions = container.resolve(Modules.REGION)
  const products = container.resolve(Modules.PRODUCT)
  const pricing = container.resolve(Modules.PRICING)
  const tax = container.resolve(Modules.TAX)
  const promotions = container.resolve(Modules.PROMOTION)
  const customers = container.resolve(Modules.CUSTOMER)
  const channels = container.resolve(Modules.SALES_CHANNEL)

  const [eu, dk] = await regions.createRegions([
    { name: "Europe", currency_code: "eur", countries: ["de", "fr"] },
    { name: "Denmark", currency_code: "dkk", countries: ["dk"] },
  ])
  const [web, shop] = await channels.createSalesChannels([{ name: "Web" }, { name: "Shop" }])
  const [apparel, books] = await products.createProductTypes([{ value: "apparel" }, { value: "books" }])
  const [collection] = await products.createProductCollections([{ title: "Summer", handle: "summer" }])
  const [tee, mug, book, poster] = await products.createProducts([
    {
      title: "Tee",
      subtitle: "Organic cotton",
      status: "published",
      type_id: apparel!.id,
      collection_id: collection!.id,
      options: [{ title: "Size", values: ["M", "L"] }],
      variants: [
        { title: "M", sku: "TEE-M", options: { Size: "M" } },
        { title: "L", sku: "TEE-L", options: { Size: "L" } },
      ],
    },
    {
      title: "Mug",
      status: "published",
      options: [{ title: "Colour", values: ["Blue"] }],
      variants: [{ title: "Blue", sku: "MUG", options: { Colour: "Blue" } }],
    },
    {
      title: "Book",
      status: "published",
      type_id: books!.id,
      options: [{ title: "Format", values: ["Paper"] }],
      variants: [{ title: "Paper", sku: "BOOK", options: { Format: "Paper" } }],
    },
    {
      title: "Poster",
      status: "published",
      options: [{ title: "Size", values: ["A2"] }],
      variants: [{ title: "A2", sku: "POSTER", options: { Size: "A2" } }],
    },
  ])
  const variantOf = (product: typeof tee, sku: string) => product!.variants.find((variant) => variant.sku === sku)!.id
  const variants = {
    teeM: variantOf(tee, "TEE-M"),
    teeL: variantOf(tee, "TEE-L"),
    mug: variantOf(mug, "MUG"),
    book: variantOf(book, "BOOK"),
    poster: variantOf(poster, "POSTER"),
  }

  await link.create([
    ...[tee, mug, book].map((product) => ({
      [Modules.PRODUCT]: { product_id: product!.id },
      [Modules.SALES_CHANNEL]: { sales_channel_id: web!.id },
    })),
    { [Modules.PRODUCT]: { product_id: poster!.id }, [Modules.SALES_CHANNEL]: { sales_channel_id: shop!.id } },
  ])

  const [teeMPrices, teeLPrices, mugPrices, bookPrices, posterPrices] = await pricing.createPriceSets([
    {
      prices: [
        { amount: 20, currency_code: "eur" },
        { amount: 150, currency_code: "dkk" },
      ],
    },
    {
      prices: [
        { amount: 20, currency_code: "eur" },
        // The tier: ten or more cost 15.50 each.
        { amount: 15.5, currency_code: "eur", min_quantity: 10 },
      ],
    },
    { prices: [{ amount: 12.5, currency_code: "eur" }] },
    { prices: [{ amount: 9.99, currency_code: "eur" }] },
    { prices: [{ amount: 18, currency_code: "eur" }] },
  ])
  await link.create(
    [
      [variants.teeM, teeMPrices],
      [variants.teeL, teeLPrices],
      [variants.mug, mugPrices],
      [variants.book, bookPrices],
      [variants.poster, posterPrices],
    ].map(([variantId, priceSet]) => ({
      [Modules.PRODUCT]: { variant_id: variantId },
      [Modules.PRICING]: { price_set_id: typeof priceSet === "string" ? priceSet : priceSet!.id },
    })),
  )
  // Danish prices include VAT: Medusa keeps that as a price preference (by currency, for prices without a region rule).
  await pricing.createPricePreferences([{ attribute: "currency_code", value: "dkk", is_tax_inclusive: true }])

  const [vip] = await customers.createCustomerGroups([{ name: "VIP" }])
  const [ada, bob] = await customers.createCustomers([{ email: "ada@example.com" }, { email: "bob@example.com" }])
  await customers.addCustomerToGroup({ customer_id: ada!.id, customer_group_id: vip!.id })
  await pricing.createPriceLists([
    {
      title: "VIP mugs",
      description: "Members pay less",
      type: "sale",
      status: "active",
      rules: { "customer.groups.id": [vip!.id] },
      prices: [{ amount: 10, currency_code: "eur", price_set_id: mugPrices!.id }],
    },
  ])

  const [de] = await tax.createTaxRegions([
    { country_code: "de", provider_id: "tp_system", default_tax_rate: { rate: 19, code: "DE19", name: "MwSt" } },
    { country_code: "dk", provider_id: "tp_system", default_tax_rate: { rate: 25, code: "DK25", name: "Moms" } },
  ])
  await tax.createTaxRates([
    { tax_region_id: de!.id, rate: 7, code: "DE7", name: "MwSt ermäßigt", rules: [{ reference: "product_type", reference_id: books!.id }] },
  ])

  await promotions.createPromotions([
    // Used once in all: the checkout spends it.
    {
      code: "TENOFF",
      type: "standard",
      status: "active",
      limit: 1,
      application_method: { type: "percentage", target_type: "items", allocation: "across", value: 10 },
    },
    {
      code: "SHIPFREE",
      type: "standard",
      status: "active",
      application_method: { type: "percentage", target_type: "shipping_methods", allocation: "across", value: 100 },
    },
    {
      code: "DRAFTED",
      type: "standard",
      status: "draft",
      application_method: { type: "fixed", target_type: "items", allocation: "across", value: 5, currency_code: "eur" },
    },
  ])

  // createPromotions does not promise its input's order; look the ids up by code.
  const promotionId = new Map(
    (await promotions.listPromotions({ code: ["TENOFF", "SHIPFREE"] })).map((promotion) => [promotion.code, promotion.id]),
  )

  return {
    regions: { eu: eu!.id, dk: dk!.id },
    channels: { web: web!.id, shop: shop!.id },
    types: { apparel: apparel!.id, books: books!.id },
    products: { tee: tee!.id, mug: mug!.id, book: book!.id, poster: poster!.id },
    variants,
    customers: { ada: ada!.id, bob: bob!.id },
    groups: { vip: vip!.id },
    promotions: { tenOff: promotionId.get("TENOFF")!, shipFree: promotionId.get("SHIPFREE")! },
  }
}

/** createCart's fields for a web channel cart in the EU region that ships to Germany. */
export function germanWebCart(seed: Pick<SeededCommerce, "regions" | "channels">) {
  return { region_id: seed.regions.eu, sales_channel_id: seed.channels.web, country_code: "de" }
}
