import { createRequire } from "node:module"
import { join } from "node:path"
import type { BenchTarget } from "../bench-target"
import { sameShapeOperations } from "../shared-operations"

/**
 * The bench operations through `@medusajs/cart` 2.21.2, booted by Medusa's own loader (MedusaApp,
 * with its migrations run by MedusaAppMigrateUp), loaded from integrations/medusa/node_modules so
 * that no Medusa package enters the root install. Runs in its own process (bench/medusa/run-medusa.ts):
 * Medusa pins another MikroORM than cartwright's.
 */

/** The folder whose node_modules hold Medusa 2.21.2 (`cd integrations/medusa && npm ci`). */
export const MEDUSA_HOST = join(__dirname, "..", "..", "integrations", "medusa")

const fromHost = createRequire(join(MEDUSA_HOST, "package.json"))

type Row = { id: string; quantity?: unknown }

/** The methods of Medusa's ICartModuleService the bench calls, loosely typed (the module is loaded untyped). */
interface MedusaCartService {
  createCarts(data: unknown): Promise<Row>
  addLineItems(cartId: string, items: unknown[]): Promise<Row[]>
  setLineItemTaxLines(cartId: string, lines: unknown[]): Promise<unknown>
  setLineItemAdjustments(cartId: string, adjustments: unknown[]): Promise<unknown>
  addShippingMethods(cartId: string, methods: unknown[]): Promise<Row[]>
  setShippingMethodTaxLines(cartId: string, lines: unknown[]): Promise<unknown>
  updateLineItems(itemId: string, data: unknown): Promise<unknown>
  retrieveCart(cartId: string, config?: unknown): Promise<unknown>
  listAndCountCarts(filters: unknown, config?: unknown): Promise<unknown>
  deleteLineItems(itemId: string): Promise<unknown>
  listLineItems(filters: unknown, config?: unknown): Promise<Row[]>
  retrieveLineItem(itemId: string, config?: unknown): Promise<Row>
}

interface MedusaApp {
  readonly modules: Record<string, unknown>
  onApplicationStart(): Promise<void>
  onApplicationShutdown(): Promise<void>
}

interface ModulesSdk {
  MedusaApp(options: unknown): Promise<MedusaApp>
  MedusaAppMigrateUp(options: unknown): Promise<void>
  MedusaModule: { clearInstances(): void }
}

interface MedusaUtils {
  createPgConnection(options: { clientUrl: string; schema: string }): { raw(sql: string): Promise<unknown>; destroy(): Promise<void> }
  ContainerRegistrationKeys: { PG_CONNECTION: string; LOGGER: string }
  Modules: { CART: string; EVENT_BUS: string }
}

/** Medusa's copy of `pg`, for the statement counter (its knex sends every statement through it). */
export const medusaPg = fromHost("pg") as { Client: { prototype: { query(this: unknown, ...args: unknown[]): unknown } } }

const CART_COLUMNS = [
  "id",
  "region_id",
  "customer_id",
  "sales_channel_id",
  "email",
  "currency_code",
  "locale",
  "shipping_address_id",
  "billing_address_id",
  "metadata",
  "completed_at",
  "created_at",
  "updated_at",
  "deleted_at",
]

const quiet = { info: () => undefined, warn: () => undefined, debug: () => undefined, error: console.error, log: () => undefined }

/** Boots `@medusajs/cart` on `url` (an empty database: Medusa's migrations create its tables) and wraps it as a target. */
export async function openMedusaTarget(url: string): Promise<BenchTarget> {
  const sdk = fromHost("@medusajs/modules-sdk") as ModulesSdk
  const utils = fromHost("@medusajs/utils") as MedusaUtils
  const pg = utils.createPgConnection({ clientUrl: url, schema: "public" })
  const options = {
    modulesConfig: { [utils.Modules.CART]: { resolve: "@medusajs/cart", options: {} } },
    sharedResourcesConfig: { database: { clientUrl: url } },
    injectedDependencies: {
      [utils.ContainerRegistrationKeys.PG_CONNECTION]: pg,
      [utils.Modules.EVENT_BUS]: { emit: async () => undefined },
      [utils.ContainerRegistrationKeys.LOGGER]: quiet,
    },
  }
  await sdk.MedusaAppMigrateUp(options)
  const app = await sdk.MedusaApp(options)
  await app.onApplicationStart()
  const service = app.modules[utils.Modules.CART] as MedusaCartService
  return {
    label: "medusa",
    ...sameShapeOperations(service, [...CART_COLUMNS, "items.*", "items.tax_lines.*", "items.adjustments.*"]),
    async createCart(input) {
      // Medusa's createCarts returns the cart without its items; the workload reads their ids untimed.
      return { id: (await service.createCarts({ ...input, items: [...input.items] })).id }
    },
    async addItems(cartId, items) {
      return (await service.addLineItems(cartId, [...items])).map((item) => item.id)
    },
    async addShippingMethod(cartId, method) {
      return (await service.addShippingMethods(cartId, [method]))[0]!.id
    },
    async itemIdsOf(cartId) {
      return (await service.listLineItems({ cart_id: cartId }, { select: ["id"], order: { created_at: "ASC" } })).map((line) => line.id)
    },
    async readVersioned(_cartId, itemId) {
      // Medusa's cart has no version: the read-then-write below can only overwrite (and lose updates).
      return { version: 0, quantity: Number((await service.retrieveLineItem(itemId, { select: ["id", "quantity"] })).quantity) }
    },
    async updateQuantityAt(itemId, quantity) {
      await service.updateLineItems(itemId, { quantity })
      return true
    },
    maintain: (sql) => pg.raw(sql),
    async close() {
      await app.onApplicationShutdown()
      sdk.MedusaModule.clearInstances()
      await pg.destroy()
    },
  }
}
