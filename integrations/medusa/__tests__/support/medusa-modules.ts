import { asValue } from "@medusajs/framework/awilix"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaApp, MedusaAppMigrateUp, MedusaModule } from "@medusajs/framework/modules-sdk"
import { ContainerRegistrationKeys, Modules, ModulesSdkUtils } from "@medusajs/framework/utils"
import { createHostDatabase } from "./database"
import type { HostDatabase } from "./database"

/** Medusa's real commerce modules, booted by Medusa's own module loader on a fresh database. */
export interface MedusaModules {
  readonly database: HostDatabase
  /** The host container: every module under its `Modules` key, plus `query` and `link` as a Medusa app registers them. */
  readonly container: MedusaContainer
  readonly link: NonNullable<Awaited<ReturnType<typeof MedusaApp>>["link"]>
  shutdown(): Promise<void>
}

const quietLogger = {
  info: () => undefined,
  debug: () => undefined,
  log: () => undefined,
  warn: console.warn,
  error: console.error,
  panic: console.error,
  activity: () => "",
  progress: () => undefined,
  success: () => undefined,
  failure: () => undefined,
  shouldLog: () => false,
  setLogLevel: () => undefined,
  unsetLogLevel: () => undefined,
}

// A fresh object per call: Medusa's loader deletes the link entry from the config it is given.
function modulesConfig() {
  return {
    [Modules.PRODUCT]: { resolve: "@medusajs/product" },
    [Modules.PRICING]: { resolve: "@medusajs/pricing" },
    [Modules.TAX]: { resolve: "@medusajs/tax" },
    [Modules.PROMOTION]: { resolve: "@medusajs/promotion" },
    [Modules.REGION]: { resolve: "@medusajs/region" },
    [Modules.CUSTOMER]: { resolve: "@medusajs/customer" },
    [Modules.SALES_CHANNEL]: { resolve: "@medusajs/sales-channel" },
    // Medusa's loader imports the link modules from "@medusajs/medusa/link-modules" (the whole server
    // package) unless the config hands it the module itself; they live in "@medusajs/link-modules".
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    [Modules.LINK]: require("@medusajs/link-modules"),
  }
}

/**
 * Boots product, pricing, tax, promotion, region, customer and sales channel modules, plus Medusa's
 * link modules (variant ↔ price set, product ↔ sales channel), through `MedusaApp` from
 * `@medusajs/framework/modules-sdk` on a database of their own: each module's migrations run with
 * `MedusaAppMigrateUp`, the link tables with the link migration planner, as `medusa db:migrate` does.
 */
export async function bootMedusaModules(): Promise<MedusaModules> {
  const database = await createHostDatabase()
  const connection = ModulesSdkUtils.createPgConnection({ clientUrl: database.url, schema: "public" })
  const options = () => ({
    modulesConfig: modulesConfig(),
    sharedResourcesConfig: { database: { clientUrl: database.url } },
    injectedDependencies: { [ContainerRegistrationKeys.PG_CONNECTION]: connection, [ContainerRegistrationKeys.LOGGER]: quietLogger },
  })
  await MedusaAppMigrateUp(options())
  const app = await MedusaApp(options())
  const planner = app.linkMigrationExecutionPlanner()
  await planner.executePlan(await planner.createPlan())
  await app.onApplicationStart()
  const container = app.sharedContainer!
  // What Medusa's MedusaAppLoader registers in an app's container (framework/medusa-app-loader.js).
  container.register(ContainerRegistrationKeys.QUERY, asValue(app.query))
  container.register(ContainerRegistrationKeys.LINK, asValue(app.link))
  return {
    database,
    container,
    link: app.link!,
    async shutdown() {
      await app.onApplicationPrepareShutdown()
      await app.onApplicationShutdown()
      await connection.context?.destroy()
      await connection.destroy()
      MedusaModule.clearInstances()
      await database.drop()
    },
  }
}
