import { MedusaApp, MedusaAppMigrateUp, MedusaModule } from "@medusajs/modules-sdk"
import { ContainerRegistrationKeys, Modules, createPgConnection } from "@medusajs/utils"
import type { ICartModuleService } from "@medusajs/types"
import { runMigrations } from "cartwright/medusa"
import type { MedusaCartModuleService } from "cartwright/medusa"
import { createHostDatabase } from "./database"
import type { HostDatabase } from "./database"

/** The knex connection a Medusa app shares with its modules. */
export type PgConnection = ReturnType<typeof createPgConnection>

/** MedusaApp's options for an app whose one module is the cart module `resolve`, on `db` through `pg`. */
export function cartAppOptions(resolve: string, db: HostDatabase, pg: PgConnection, inject: Record<string, unknown> = {}) {
  return {
    modulesConfig: { [Modules.CART]: { resolve, options: {} } },
    sharedResourcesConfig: { database: { clientUrl: db.url } },
    injectedDependencies: { [ContainerRegistrationKeys.PG_CONNECTION]: pg, [ContainerRegistrationKeys.LOGGER]: console, ...inject },
  }
}

/**
 * Medusa's cart contract plus `createCreditLines`, which both @medusajs/cart (generated at run time) and
 * cartwright have but Medusa's `ICartModuleService` (2.21) does not declare.
 */
export type CartModule = ICartModuleService & Pick<MedusaCartModuleService, "createCreditLines">

const hasCreditLines = (carts: ICartModuleService): carts is CartModule => "createCreditLines" in carts

/** The app's cart module, as its container resolves it under the cart key. */
export function cartModuleOf(app: Awaited<ReturnType<typeof MedusaApp>>): CartModule {
  if (!app.sharedContainer) throw new Error("MedusaApp returned no shared container")
  const carts = app.sharedContainer.resolve(Modules.CART)
  if (!hasCreditLines(carts)) throw new Error("the cart module has no createCreditLines")
  return carts
}

/** A started Medusa app whose cart module is cartwright/medusa, on a database of its own. */
export interface CartwrightApp {
  readonly db: HostDatabase
  readonly pg: PgConnection
  readonly app: Awaited<ReturnType<typeof MedusaApp>>
  /** The cart module as the app's container resolves it under the cart key. */
  readonly carts: CartModule
  /** Shuts the app down, forgets Medusa's loaded modules, closes the connection and drops the database. */
  shutdown(): Promise<void>
}

/** What {@link bootCartwrightApp} may change. */
export interface CartwrightAppOptions {
  /** Who creates cartwright's tables: its own `runMigrations`, or Medusa's migration entry (what `medusa db:migrate` calls). */
  readonly migrations?: "cartwright" | "medusa"
  /** More of the app's injected dependencies (an event bus, say). */
  readonly inject?: Record<string, unknown>
}

/** Boots cartwright/medusa under the cart key with Medusa's own loader, as an app starts it. */
export async function bootCartwrightApp({ migrations = "cartwright", inject = {} }: CartwrightAppOptions = {}): Promise<CartwrightApp> {
  const db = await createHostDatabase()
  const pg = createPgConnection({ clientUrl: db.url, schema: "public" })
  let app: CartwrightApp["app"] | undefined
  // Also on a failed boot, so a broken suite leaves no database or pool behind.
  const shutdown = async () => {
    await app?.onApplicationShutdown()
    MedusaModule.clearInstances()
    await pg.destroy()
    await db.drop()
  }
  try {
    // A fresh options object per call: Medusa's loader may change the config it is given.
    const options = () => cartAppOptions("cartwright/medusa", db, pg, inject)
    if (migrations === "medusa") await MedusaAppMigrateUp(options())
    else await runMigrations({ options: { database: { clientUrl: db.url } } })
    app = await MedusaApp(options())
    await app.onApplicationStart()
    return { db, pg, app, carts: cartModuleOf(app), shutdown }
  } catch (error) {
    await shutdown()
    throw error
  }
}
