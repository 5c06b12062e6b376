// `npm start -- --medusa-modules`: the storefront's catalogue, prices, taxes, promotions and regions come
// from Medusa 2.21's own modules (product, pricing, tax, promotion, region, sales channel and the link
// modules) through cartwright/medusa-ports, in this process and on the PostgreSQL in DATABASE_URL.
// Medusa's packages are not root dependencies (they would slow every install): they are loaded from
// integrations/medusa/node_modules, so run `npm ci` in integrations/medusa once before.
// Stock (inventory, stock location) and shipping options (fulfillment, with a flat-rate provider of ours:
// medusa-manual-fulfillment.cjs) come from Medusa too. Payment and orders stay the in-memory ones: Medusa's
// payment and order adapters pair sessions and orders with carts through Medusa's cart links, which exist when
// cartwright runs as the Medusa app's cart module, not beside it as here.
import { createRequire } from "node:module"
import { join } from "node:path"
import { createMedusaPorts } from "../../src/medusa-ports"
import type { HostContainer } from "../../src/medusa-ports"
import { medusaLogger } from "./medusa-logger"
import { SEED, seedHost } from "./seed"
import type { SeededHost } from "./seed"

type Call = (...args: never[]) => Promise<unknown>
type Service = Record<string, Call>
interface BootedApp {
  sharedContainer: HostContainer & { register(key: string, registration: unknown): void }
  query: unknown
  link: { create(links: unknown): Promise<unknown> }
  onApplicationStart(): Promise<void>
  onApplicationPrepareShutdown(): Promise<void>
  onApplicationShutdown(): Promise<void>
  linkMigrationExecutionPlanner(): { createPlan(): Promise<unknown>; executePlan(plan: unknown): Promise<void> }
}

const medusaRequire = createRequire(join(__dirname, "..", "..", "integrations", "medusa", "package.json"))
function load<T>(id: string): T {
  try {
    return medusaRequire(id) as T
  } catch (error) {
    throw new Error(`--medusa-modules needs Medusa's packages: run \`npm ci\` in integrations/medusa first (${String(error)})`)
  }
}

// Resolved to paths here: Medusa's loader would look the package names up from the working directory (the root).
const at = (id: string) => ({ resolve: medusaRequire.resolve(id) })

function modulesConfig(): Record<string, unknown> {
  return {
    product: at("@medusajs/product"),
    pricing: at("@medusajs/pricing"),
    tax: at("@medusajs/tax"),
    promotion: at("@medusajs/promotion"),
    region: at("@medusajs/region"),
    sales_channel: at("@medusajs/sales-channel"),
    stock_location: at("@medusajs/stock-location"),
    inventory: at("@medusajs/inventory"),
    fulfillment: {
      ...at("@medusajs/fulfillment"),
      options: { providers: [{ resolve: join(__dirname, "medusa-manual-fulfillment.cjs"), id: "manual" }] },
    },
    // Medusa looks the link modules up in "@medusajs/medusa/link-modules" unless handed the module itself.
    link_modules: load("@medusajs/link-modules"),
  }
}

/** A published product sold in one size only, as Medusa's product module takes it. */
function oneSizeProduct(product: { id: string; title: string; handle: string }, variant: { id: string; sku: string }, size: string) {
  return {
    ...product,
    status: "published",
    options: [{ title: "size", values: [size] }],
    variants: [{ ...variant, title: size, options: { size } }],
  }
}

/** Seeds the example catalogue (the ids of {@link SEED}) through each module's service, once per database. */
async function seedMedusa(app: BootedApp): Promise<void> {
  const resolve = (key: string) => app.sharedContainer.resolve<Service>(key)
  const [regions, products, pricing, tax, promotions, channels] = ["region", "product", "pricing", "tax", "promotion", "sales_channel"].map(
    resolve,
  ) as Service[]
  const existing = (await regions!.listRegions!({ id: [SEED.regions.eu] } as never)) as unknown[]
  if (existing.length) return
  await regions!.createRegions!([
    { id: SEED.regions.eu, name: "Europe", currency_code: "eur", countries: ["de", "fr", "it"] },
    { id: SEED.regions.us, name: "United States", currency_code: "usd", countries: ["us"] },
  ] as never)
  await channels!.createSalesChannels!([{ id: SEED.salesChannels.web, name: "Web" }] as never)
  const v = SEED.variants
  await products!.createProducts!([
    {
      id: "prod_tee",
      title: "Cartwright Tee",
      handle: "cartwright-tee",
      description: "Organic cotton",
      thumbnail: "/tee.png",
      status: "published",
      options: [{ title: "size", values: ["S", "M"] }],
      variants: [
        { id: v.teeSmall, title: "S", sku: "TEE-S", options: { size: "S" } },
        { id: v.teeMedium, title: "M", sku: "TEE-M", options: { size: "M" } },
      ],
    },
    oneSizeProduct({ id: "prod_mug", title: "Enamel Mug", handle: "enamel-mug" }, { id: v.mug, sku: "MUG" }, "One size"),
    oneSizeProduct({ id: "prod_poster", title: "Poster", handle: "poster" }, { id: v.poster, sku: "POSTER-A2" }, "A2"),
  ] as never)
  await app.link.create({ product: { product_id: "prod_poster" }, sales_channel: { sales_channel_id: SEED.salesChannels.web } })
  const prices: Record<string, [number, number]> = {
    [v.teeSmall]: [25, 29],
    [v.teeMedium]: [25, 29],
    [v.mug]: [12.5, 14.99],
    [v.poster]: [18, 21],
  }
  for (const [variantId, [eur, usd]] of Object.entries(prices)) {
    const [priceSet] = (await pricing!.createPriceSets!([
      {
        prices: [
          { amount: eur, currency_code: "eur" },
          { amount: usd, currency_code: "usd" },
        ],
      },
    ] as never)) as { id: string }[]
    await app.link.create({ product: { variant_id: variantId }, pricing: { price_set_id: priceSet!.id } })
  }
  await tax!.createTaxRegions!([
    { country_code: "de", provider_id: "tp_system", default_tax_rate: { rate: 19, code: "VAT-DE", name: "MwSt 19%" } },
    { country_code: "fr", provider_id: "tp_system", default_tax_rate: { rate: 20, code: "VAT", name: "VAT 20%" } },
    { country_code: "it", provider_id: "tp_system", default_tax_rate: { rate: 20, code: "VAT", name: "VAT 20%" } },
    { country_code: "us", provider_id: "tp_system", default_tax_rate: { rate: 8.25, code: "SALES", name: "Sales tax" } },
  ] as never)
  await promotions!.createPromotions!([
    {
      code: SEED.promotions.tenPercent,
      type: "standard",
      status: "active",
      application_method: { type: "percentage", target_type: "items", allocation: "across", value: 10 },
    },
    {
      code: SEED.promotions.freeShipping,
      type: "standard",
      status: "active",
      application_method: { type: "percentage", target_type: "shipping_methods", allocation: "across", value: 100 },
    },
  ] as never)
}

/** The storefront rules Medusa gives storefront shipping options (rule values are strings in Medusa). */
const STOREFRONT_RULES = [
  { attribute: "enabled_in_store", operator: "eq", value: "true" },
  { attribute: "is_return", operator: "eq", value: "false" },
]

/**
 * Seeds stock and shipping, once per database: one warehouse serving the web channel with stock for every
 * variant, and the four shipping options of {@link SEED} (ids kept) in zones for the regions' countries.
 * EU standard is free from an item total of 100 (Medusa's conditional price; in memory: item subtotal).
 */
async function seedStockAndShipping(app: BootedApp): Promise<void> {
  const resolve = (key: string) => app.sharedContainer.resolve<Service>(key)
  const [locations, inventory, fulfillment, pricing] = ["stock_location", "inventory", "fulfillment", "pricing"].map(resolve) as Service[]
  const seeded = (await fulfillment!.listShippingOptions!({ id: [SEED.shippingOptions.euStandard] } as never)) as unknown[]
  if (seeded.length) return
  const [warehouse] = (await locations!.createStockLocations!([{ name: "Warehouse" }] as never)) as { id: string }[]
  await app.link.create({
    sales_channel: { sales_channel_id: SEED.salesChannels.web },
    stock_location: { stock_location_id: warehouse!.id },
  })
  for (const [variantId, stocked] of Object.entries({
    [SEED.variants.teeSmall]: 50,
    [SEED.variants.teeMedium]: 50,
    [SEED.variants.mug]: 100,
    [SEED.variants.poster]: 10,
  })) {
    const [item] = (await inventory!.createInventoryItems!([{ sku: variantId }] as never)) as { id: string }[]
    await inventory!.createInventoryLevels!([
      { inventory_item_id: item!.id, location_id: warehouse!.id, stocked_quantity: stocked },
    ] as never)
    await app.link.create({ product: { variant_id: variantId }, inventory: { inventory_item_id: item!.id } })
  }
  const [profile] = (await fulfillment!.createShippingProfiles!([{ name: "Default", type: "default" }] as never)) as { id: string }[]
  const [set] = (await fulfillment!.createFulfillmentSets!([
    {
      name: "Warehouse shipping",
      type: "shipping",
      service_zones: [
        { name: "Europe", geo_zones: ["de", "fr", "it"].map((country_code) => ({ type: "country", country_code })) },
        { name: "United States", geo_zones: [{ type: "country", country_code: "us" }] },
      ],
    },
  ] as never)) as { id: string; service_zones: { id: string; name: string }[] }[]
  await app.link.create({ stock_location: { stock_location_id: warehouse!.id }, fulfillment: { fulfillment_set_id: set!.id } })
  const zone = (name: string) => set!.service_zones.find((candidate) => candidate.name === name)!.id
  const o = SEED.shippingOptions
  const options: [string, string, string, unknown[]][] = [
    [
      o.euStandard,
      "Standard",
      "Europe",
      [
        { amount: 5, currency_code: "eur" },
        { amount: 0, currency_code: "eur", rules: { item_total: [{ operator: "gte", value: 100 }] } },
      ],
    ],
    [o.euExpress, "Express", "Europe", [{ amount: 15, currency_code: "eur" }]],
    [o.usStandard, "Standard", "United States", [{ amount: 6, currency_code: "usd" }]],
    [o.usExpress, "Express", "United States", [{ amount: 18, currency_code: "usd" }]],
  ]
  for (const [id, name, zoneName, prices] of options) {
    const type = { label: name, description: name, code: name.toLowerCase() }
    await fulfillment!.createShippingOptions!([
      {
        id,
        name,
        price_type: "flat",
        service_zone_id: zone(zoneName),
        shipping_profile_id: profile!.id,
        provider_id: "manual_manual",
        type,
        rules: STOREFRONT_RULES,
      },
    ] as never)
    const [priceSet] = (await pricing!.createPriceSets!([{ prices }] as never)) as { id: string }[]
    await app.link.create({ fulfillment: { shipping_option_id: id }, pricing: { price_set_id: priceSet!.id } })
  }
}

/**
 * Boots Medusa's modules on `databaseUrl` with Medusa's own loader (migrations and link tables
 * included), seeds the example catalogue, stock and shipping, and returns the storefront's host with the
 * Medusa adapters in place of the in-memory catalogue, pricing, tax, promotions, regions, stock and shipping.
 */
export async function startMedusaModulesHost(databaseUrl: string): Promise<{ host: SeededHost; close(): Promise<void> }> {
  if (!databaseUrl) throw new Error("--medusa-modules needs DATABASE_URL: Medusa's modules and the cart tables share that database")
  process.env.MEDUSA_DISABLE_TELEMETRY ??= "true"
  // Two MikroORM copies run here by design (the root's for the cart module, integrations/medusa's 6.6.14 for
  // Medusa's modules); MikroORM's start-up check would compare each against the root package.json's pin.
  process.env.MIKRO_ORM_ALLOW_VERSION_MISMATCH ??= "1"
  const sdk = load<{
    MedusaApp(options: unknown): Promise<BootedApp>
    MedusaAppMigrateUp(options: unknown): Promise<void>
    MedusaModule: { clearInstances(): void }
  }>("@medusajs/framework/modules-sdk")
  const { asValue } = load<{ asValue(value: unknown): unknown }>("@medusajs/framework/awilix")
  // A fresh options object per call: Medusa's loader deletes the link entry from the config it is given.
  const options = () => ({
    modulesConfig: modulesConfig(),
    sharedResourcesConfig: { database: { clientUrl: databaseUrl } },
    injectedDependencies: { logger: medusaLogger },
  })
  await sdk.MedusaAppMigrateUp(options())
  const app = await sdk.MedusaApp(options())
  const planner = app.linkMigrationExecutionPlanner()
  await planner.executePlan(await planner.createPlan())
  await app.onApplicationStart()
  app.sharedContainer.register("query", asValue(app.query))
  await seedMedusa(app)
  await seedStockAndShipping(app)
  // Payment and orders stay the in-memory ones (see the note at the top).
  const { catalog, pricing, tax, promotions, regions, salesChannels, inventory, fulfillment } = createMedusaPorts(app.sharedContainer, {
    regions: { paymentProviders: ["manual"], defaultRegionId: SEED.regions.eu },
  })
  return {
    host: { ...seedHost(), catalog, pricing, tax, promotions, regions, salesChannels, inventory, fulfillment },
    async close() {
      await app.onApplicationPrepareShutdown()
      await app.onApplicationShutdown()
      sdk.MedusaModule.clearInstances()
    },
  }
}
