import { asFunction, asValue } from "awilix"
import type { AwilixContainer } from "awilix"
import { createCartModule } from "../module/create-cart-module"
import type { CartModule } from "../module/create-cart-module"
import { validateRegisterOptions } from "../module/options"
import type { CartModuleOptions } from "../module/options"

/** Options of {@link registerCartModule}: the module's options plus the container key. */
export interface RegisterCartModuleOptions extends CartModuleOptions {
  /** Key the service is registered under (default `cart`); the module itself goes under `<key>Module`. */
  key?: string
  /** Run pending migrations on registration (default false). */
  migrate?: boolean
}

/**
 * Starts the module and registers its service in an awilix container under `key` (default `cart`),
 * with a disposer that closes the ORM on `container.dispose()`.
 *
 * @example
 * const container = createContainer()
 * await registerCartModule(container, { database: { clientUrl: process.env.DATABASE_URL }, migrate: true })
 * const cart = await container.resolve("cart").createCarts({ currency_code: "eur" })
 */
export async function registerCartModule(container: AwilixContainer, options: RegisterCartModuleOptions = {}): Promise<CartModule> {
  const { key = "cart", migrate = false, ...moduleOptions } = validateRegisterOptions(options)
  const module = await createCartModule(moduleOptions)
  if (migrate)
    await module.migrate().catch(async (error: unknown) => {
      await module.close()
      throw error
    })
  container.register({
    [`${key}Module`]: asValue(module),
    [key]: asFunction(() => module.service)
      .singleton()
      .disposer(() => module.close()),
  })
  // awilix only disposes singletons it has cached: resolve once so dispose() closes the
  // connections even when the host never resolved the service itself.
  container.resolve(key)
  return module
}
