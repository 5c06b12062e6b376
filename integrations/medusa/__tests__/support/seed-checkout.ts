import { Modules } from "@medusajs/framework/utils"
import type { MedusaModules } from "./medusa-modules"
import { seedCommerce } from "./seed-commerce"

/** The ids of what {@link seedCheckout} created, beside those of {@link seedCommerce}. */
export type SeededCheckout = Awaited<ReturnType<typeof seedCheckout>>

/** The rules that make an option a storefront shipping option in Medusa (rule values are strings). */
const STOREFRONT = [
  { attribute: "enabled_in_store", operator: "eq" as const, value: "true" },
  { attribute: "is_return", operator: "eq" as const, value: "false" },
]

/**
 * {@link seedCommerce}'s store plus what a checkout needs, written through each Medusa module's service
 * and Medusa's links, never with SQL:
 * - stock: the web channel ships from Berlin and Aarhus, the shop channel from its store. Tee M has 5 in
 *   Berlin and 3 in Aarhus, tee L 20 in Berlin, the poster 2 in the store only; the mug is not
 *   stock-managed and the book is sold on backorder.
 * - shipping from Berlin: to Germany "Standard" (4.90, free from an item total of 100) and "Express"
 *   (9.90), a return option and an admin-only one; to France "France" (7.50); the store offers "Pickup" (0).
 * - payment: the EU region pays with Medusa's system provider, `pp_system_default`.
 */
export async function seedCheckout(medusa: MedusaModules) {
  const commerce = await seedCommerce(medusa)
  const { container, link } = medusa
  const locations = container.resolve(Modules.STOCK_LOCATION)
  const inventory = container.resolve(Modules.INVENTORY)
  const products = container.resolve(Modules.PRODUCT)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const pricing = container.resolve(Modules.PRICING)
  const { variants, channels } = commerce

  const [berlin, aarhus, store] = await locations.createStockLocations([{ name: "Berlin" }, { name: "Aarhus" }, { name: "Shop store" }])
  await link.create([
    { [Modules.SALES_CHANNEL]: { sales_channel_id: channels.web }, [Modules.STOCK_LOCATION]: { stock_location_id: berlin!.id } },
    { [Modules.SALES_CHANNEL]: { sales_channel_id: channels.web }, [Modules.STOCK_LOCATION]: { stock_location_id: aarhus!.id } },
    { [Modules.SALES_CHANNEL]: { sales_channel_id: channels.shop }, [Modules.STOCK_LOCATION]: { stock_location_id: store!.id } },
  ])

  const [teeM, teeL, book, poster] = await inventory.createInventoryItems([
    { sku: "TEE-M" },
    { sku: "TEE-L" },
    { sku: "BOOK" },
    { sku: "POSTER" },
  ])
  await inventory.createInventoryLevels([
    { inventory_item_id: teeM!.id, location_id: berlin!.id, stocked_quantity: 5 },
    { inventory_item_id: teeM!.id, location_id: aarhus!.id, stocked_quantity: 3 },
    { inventory_item_id: teeL!.id, location_id: berlin!.id, stocked_quantity: 20 },
    { inventory_item_id: book!.id, location_id: berlin!.id, stocked_quantity: 0 },
    { inventory_item_id: poster!.id, location_id: store!.id, stocked_quantity: 2 },
  ])
  await link.create(
    [
      [variants.teeM, teeM!.id],
      [variants.teeL, teeL!.id],
      [variants.book, book!.id],
      [variants.poster, poster!.id],
    ].map(([variantId, itemId]) => ({ [Modules.PRODUCT]: { variant_id: variantId }, [Modules.INVENTORY]: { inventory_item_id: itemId } })),
  )
  await products.updateProductVariants(variants.mug, { manage_inventory: false })
  await products.updateProductVariants(variants.book, { allow_backorder: true })

  const [profile] = await fulfillment.createShippingProfiles([{ name: "Default", type: "default" }])
  const [fromBerlin, fromStore] = await fulfillment.createFulfillmentSets([
    {
      name: "Berlin delivery",
      type: "shipping",
      service_zones: [
        { name: "Germany", geo_zones: [{ type: "country", country_code: "de" }] },
        { name: "France", geo_zones: [{ type: "country", country_code: "fr" }] },
      ],
    },
    {
      name: "Shop pickup",
      type: "pickup",
      service_zones: [{ name: "Denmark pickup", geo_zones: [{ type: "country", country_code: "dk" }] }],
    },
  ])
  await link.create([
    { [Modules.STOCK_LOCATION]: { stock_location_id: berlin!.id }, [Modules.FULFILLMENT]: { fulfillment_set_id: fromBerlin!.id } },
    { [Modules.STOCK_LOCATION]: { stock_location_id: store!.id }, [Modules.FULFILLMENT]: { fulfillment_set_id: fromStore!.id } },
  ])
  const zone = (set: typeof fromBerlin, name: string) => set!.service_zones.find((candidate) => candidate.name === name)!.id
  const option = (name: string, serviceZone: string, rules = STOREFRONT) => ({
    name,
    price_type: "flat" as const,
    service_zone_id: serviceZone,
    shipping_profile_id: profile!.id,
    provider_id: "manual_manual",
    type: { label: name, description: name, code: name.toLowerCase().replace(/\W+/g, "-") },
    rules,
  })
  const created = await fulfillment.createShippingOptions([
    option("Standard", zone(fromBerlin, "Germany")),
    option("Express", zone(fromBerlin, "Germany")),
    option("Returns", zone(fromBerlin, "Germany"), [STOREFRONT[0]!, { attribute: "is_return", operator: "eq", value: "true" }]),
    option("Admin only", zone(fromBerlin, "Germany"), [{ attribute: "enabled_in_store", operator: "eq", value: "false" }, STOREFRONT[1]!]),
    option("France", zone(fromBerlin, "France")),
    option("Pickup", zone(fromStore, "Denmark pickup")),
  ])
  // createShippingOptions does not promise its input's order; look the ids up by name.
  const shipping = Object.fromEntries(created.map((entry) => [entry.name, entry.id])) as Record<
    "Standard" | "Express" | "Returns" | "Admin only" | "France" | "Pickup",
    string
  >

  const priceSets = await pricing.createPriceSets([
    // Free from an item total of 100: Medusa's conditional shipping price, a price rule on the cart's item_total.
    {
      prices: [
        { amount: 4.9, currency_code: "eur" },
        { amount: 0, currency_code: "eur", rules: { item_total: [{ operator: "gte", value: 100 }] } },
      ],
    },
    { prices: [{ amount: 9.9, currency_code: "eur" }] },
    { prices: [{ amount: 0, currency_code: "eur" }] },
    { prices: [{ amount: 5, currency_code: "eur" }] },
    { prices: [{ amount: 7.5, currency_code: "eur" }] },
    { prices: [{ amount: 0, currency_code: "dkk" }] },
  ])
  const priced = [shipping.Standard, shipping.Express, shipping.Returns, shipping["Admin only"], shipping.France, shipping.Pickup]
  await link.create(
    priced.map((optionId, index) => ({
      [Modules.FULFILLMENT]: { shipping_option_id: optionId },
      [Modules.PRICING]: { price_set_id: priceSets[index]!.id },
    })),
  )

  await link.create({
    [Modules.REGION]: { region_id: commerce.regions.eu },
    [Modules.PAYMENT]: { payment_provider_id: "pp_system_default" },
  })

  return {
    ...commerce,
    locations: { berlin: berlin!.id, aarhus: aarhus!.id, store: store!.id },
    inventoryItems: { teeM: teeM!.id, teeL: teeL!.id, book: book!.id, poster: poster!.id },
    shipping,
  }
}
