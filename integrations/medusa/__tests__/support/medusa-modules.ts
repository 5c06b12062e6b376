import { asValue } from "@medusajs/framework/awilix"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaApp, MedusaModule } from "@medusajs/framework/modules-sdk"
import { ContainerRegistrationKeys, ModulesSdkUtils } from "@medusajs/framework/utils"
import { execFile } from "node:child_process"
import { join } from "node:path"
import { promisify } from "node:util"
import { createHostDatabase } from "./database"
import type { HostDatabase } from "./database"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { modulesConfig } = require("./medusa-modules-config")
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { quietLogger } = require("./quiet-logger")

/** Modules a suite may boot beyond the base set (see EXTRA_MODULES in medusa-modules-config.js). */
export type ExtraModule = "cart" | "inventory" | "stock_location" | "fulfillment" | "payment" | "order"

/** Medusa's real commerce modules, booted by Medusa's own module loader on a fresh database. */
export interface MedusaModules {
  readonly database: HostDatabase
  /** The host container: every module under its `Modules` key, plus `query` and `link` as a Medusa app registers them. */
  readonly container: MedusaContainer
  readonly link: NonNullable<Awaited<ReturnType<typeof MedusaApp>>["link"]>
  shutdown(): Promise<void>
}

/**
 * Boots product, pricing, tax, promotion, region, customer and sales channel modules, plus Medusa's
 * link modules (variant ↔ price set, product ↔ sales channel), through `MedusaApp` from
 * `@medusajs/framework/modules-sdk` on a database of their own (with `extras`, more modules and their links): each module's migrations run with
 * `MedusaAppMigrateUp`, the link tables with the link migration planner, as `medusa db:migrate` does
 * (in a child Node process: see migrate-medusa.js).
 */
async function bootMedusaModules(extras: readonly ExtraModule[] = []): Promise<MedusaModules> {
  const database = await createHostDatabase()
  const connection = ModulesSdkUtils.createPgConnection({ clientUrl: database.url, schema: "public" })
  const options = () => ({
    modulesConfig: modulesConfig(extras),
    sharedResourcesConfig: { database: { clientUrl: database.url } },
    injectedDependencies: { [ContainerRegistrationKeys.PG_CONNECTION]: connection, [ContainerRegistrationKeys.LOGGER]: quietLogger },
  })
  await promisify(execFile)(process.execPath, [join(__dirname, "migrate-medusa.js"), database.url, extras.join(",")], {
    env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" },
  })
  const app = await MedusaApp(options())
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
      await connection.destroy()
      MedusaModule.clearInstances()
      await database.drop()
    },
  }
}

/**
 * Registers a port suite's hooks: before its tests, boots Medusa's modules (the base set and `extras`) and
 * runs `prepare` on them (seeding, a cart module...); after them, runs what `prepare` returned to release
 * its own resources, then shuts the modules down. The function returned gives the booted modules and
 * throws before the boot, so a test never runs on modules that are not there.
 */
export function medusaModulesForSuite(
  extras: readonly ExtraModule[],
  prepare: (medusa: MedusaModules) => Promise<(() => Promise<void>) | void>,
): () => Omit<MedusaModules, "shutdown"> {
  // Booting a dozen modules and their migrations, and seeding them, takes a while on a shared machine.
  jest.setTimeout(120_000)
  let booted: MedusaModules | undefined
  let release: (() => Promise<void>) | void
  beforeAll(async () => {
    booted = await bootMedusaModules(extras)
    release = await prepare(booted)
  }, 600_000)
  afterAll(async () => {
    await release?.()
    await booted?.shutdown()
  })
  return () => {
    if (!booted) throw new Error("Medusa's modules are booted in beforeAll: use them inside a test or hook")
    return booted
  }
}
