// `npm start -- --medusa-modules`: the storefront's catalogue, prices, taxes, promotions and regions come
// from Medusa 2.21's own modules (product, pricing, tax, promotion, region, sales channel and the link
// modules) through cartwright/medusa-ports, in this process and on the PostgreSQL in DATABASE_URL.
// Medusa's packages are not root dependencies (they would slow every install): they are loaded from
// integrations/medusa/node_modules, so run `npm ci` in integrations/medusa once before.
// Shipping options, payment and orders stay the in-memory ones (no adapter for them yet).
import { createRequire } from "node:module"
import { join } from "node:path"
import { createMedusaPorts } from "../../src/medusa-ports"
import type { HostContainer } from "../../src/medusa-ports"
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
    // Medusa looks the link modules up in "@medusajs/medusa/link-modules" unless handed the module itself.
    link_modules: load("@medusajs/link-modules"),
  }
}

/** Seeds the example catalogue (the ids of {@link SEED}) through each module's service, once per database. */
async function seedMedusa(app: BootedApp): Promise<void> {
  const resolve = (key: string) => app.sharedContainer.resolve<Service>(key)
  const [regions, products, pricing, tax, promotions, channels] = ["region", "product", "pricing", "tax", "promotion", "sales_channel"].map(resolve) as Service[]
  const existing = (await regions!.listRegions!({ id: [SEED.regions.eu] } as never)) as unknown[]
  if (existing.length) return
  await regions!.createRegions!([
    { id: SEED.regions.eu, name: "Europe", currency_code: "eur", countries: ["de", "fr", "it"] },
    { id: SEED.regions.us, name: "United States", currency_code: "usd", countries: ["us"] },
  ] as never)
  await channels!.createSalesChannels!([{ id: SEED.salesChannels.web, name: "Web" }] as never)
  const v = SEED.variants
  await products!.createProducts!([
    { id: "prod_tee", title: "Cartwright Tee", handle: "cartwright-tee", description: "Organic cotton", thumbnail: "/tee.png", status: "published", options: [{ title: "size", values: ["S", "M"] }], variants: [{ id: v.teeSmall, title: "S", sku: "TEE-S", options: { size: "S" } }, { id: v.teeMedium, title: "M", sku: "TEE-M", options: { size: "M" } }] },
    { id: "prod_mug", title: "Enamel Mug", handle: "enamel-mug", status: "published", options: [{ title: "size", values: ["One size"] }], variants: [{ id: v.mug, title: "One size", sku: "MUG", options: { size: "One size" } }] },
    { id: "prod_poster", title: "Poster", handle: "poster", status: "published", options: [{ title: "size", values: ["A2"] }], variants: [{ id: v.poster, title: "A2", sku: "POSTER-A2", options: { size: "A2" } }] },
  ] as never)
  await app.link.create({ product: { product_id: "prod_poster" }, sales_channel: { sales_channel_id: SEED.salesChannels.web } })
  const prices: Record<string, [number, number]> = { [v.teeSmall]: [25, 29], [v.teeMedium]: [25, 29], [v.mug]: [12.5, 14.99], [v.poster]: [18, 21] }
  for (const [variantId, [eur, usd]] of Object.entries(prices)) {
    const [priceSet] = (await pricing!.createPriceSets!([{ prices: [{ amount: eur, currency_code: "eur" }, { amount: usd, currency_code: "usd" }] }] as never)) as { id: string }[]
    await app.link.create({ product: { variant_id: variantId }, pricing: { price_set_id: priceSet!.id } })
  }
  await tax!.createTaxRegions!([
    { country_code: "de", provider_id: "tp_system", default_tax_rate: { rate: 19, code: "VAT-DE", name: "MwSt 19%" } },
    { country_code: "fr", provider_id: "tp_system", default_tax_rate: { rate: 20, code: "VAT", name: "VAT 20%" } },
    { country_code: "it", provider_id: "tp_system", default_tax_rate: { rate: 20, code: "VAT", name: "VAT 20%" } },
    { country_code: "us", provider_id: "tp_system", default_tax_rate: { rate: 8.25, code: "SALES", name: "Sales tax" } },
  ] as never)
  await promotions!.createPromotions!([
    { code: SEED.promotions.tenPercent, type: "standard", status: "active", application_method: { type: "percentage", target_type: "items", allocation: "across", value: 10 } },
    { code: SEED.promotions.freeShipping, type: "standard", status: "active", application_method: { type: "percentage", target_type: "shipping_methods", allocation: "across", value: 100 } },
  ] as never)
}

/**
 * Boots Medusa's modules on `databaseUrl` with Medusa's own loader (migrations and link tables
 * included), seeds the example catalogue, and returns the storefront's host with the Medusa adapters
 * in place of the in-memory catalogue, pricing, tax, promotions and regions.
 */
export async function startMedusaModulesHost(databaseUrl: string): Promise<{ host: SeededHost; close(): Promise<void> }> {
  if (!databaseUrl) throw new Error("--medusa-modules needs DATABASE_URL: Medusa's modules and the cart tables share that database")
  process.env.MEDUSA_DISABLE_TELEMETRY ??= "true"
  // Two MikroORM copies run here by design (the root's for the cart module, integrations/medusa's 6.6.14 for
  // Medusa's modules); MikroORM's start-up check would compare each against the root package.json's pin.
  process.env.MIKRO_ORM_ALLOW_VERSION_MISMATCH ??= "1"
  const sdk = load<{ MedusaApp(options: unknown): Promise<BootedApp>; MedusaAppMigrateUp(options: unknown): Promise<void>; MedusaModule: { clearInstances(): void } }>("@medusajs/framework/modules-sdk")
  const { asValue } = load<{ asValue(value: unknown): unknown }>("@medusajs/framework/awilix")
  const quiet = () => undefined
  const logger = { info: quiet, debug: quiet, log: quiet, warn: console.warn, error: console.error, panic: console.error, activity: () => "", progress: quiet, success: quiet, failure: quiet, shouldLog: () => false, setLogLevel: quiet, unsetLogLevel: quiet }
  // A fresh options object per call: Medusa's loader deletes the link entry from the config it is given.
  const options = () => ({ modulesConfig: modulesConfig(), sharedResourcesConfig: { database: { clientUrl: databaseUrl } }, injectedDependencies: { logger } })
  await sdk.MedusaAppMigrateUp(options())
  const app = await sdk.MedusaApp(options())
  const planner = app.linkMigrationExecutionPlanner()
  await planner.executePlan(await planner.createPlan())
  await app.onApplicationStart()
  app.sharedContainer.register("query", asValue(app.query))
  await seedMedusa(app)
  // Only the adapters whose modules booted here; stock, shipping and payment stay the in-memory ones.
  const { catalog, pricing, tax, promotions, regions, salesChannels } = createMedusaPorts(app.sharedContainer, { regions: { paymentProviders: ["manual"], defaultRegionId: SEED.regions.eu } })
  return {
    host: { ...seedHost(), catalog, pricing, tax, promotions, regions, salesChannels },
    async close() {
      await app.onApplicationPrepareShutdown()
      await app.onApplicationShutdown()
      sdk.MedusaModule.clearInstances()
    },
  }
}
