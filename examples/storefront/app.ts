import { asValue, createContainer } from "awilix"
import type { AwilixContainer } from "awilix"
import Fastify from "fastify"
import type { FastifyInstance } from "fastify"
import { registerCartModule } from "../../src/container/register-cart-module"
import type { FlowDeps } from "../../src/flows/flow-deps"
import type { CartDatabaseOptions } from "../../src/module/options"
import type { CartModuleService } from "../../src/service/cart-module-service"
import { registerCartRoutes } from "./cart-routes"
import { registerCheckoutRoutes } from "./checkout-routes"
import { handleError } from "./http-errors"
import { seedHost } from "./seed"
import type { SeededHost } from "./seed"

/** Options of {@link buildStorefront}. */
export interface StorefrontOptions {
  /** Where the cart tables live; absent: DATABASE_URL, else an embedded PostgreSQL. */
  readonly database?: CartDatabaseOptions
  /** The host modules; default: the seeded in-memory catalogue. */
  readonly host?: SeededHost
  /** Fastify's request logging (default off). */
  readonly logger?: boolean
}

/** A built storefront: the Fastify app (not yet listening), its container, its host modules and a way to stop everything. */
export interface Storefront {
  readonly app: FastifyInstance
  readonly container: AwilixContainer
  readonly host: SeededHost
  close(): Promise<void>
}

/**
 * Builds the example storefront: an awilix container with the cart module (migrated) and the
 * in-memory host modules, and a Fastify app serving the Store API cart routes.
 */
export async function buildStorefront(options: StorefrontOptions = {}): Promise<Storefront> {
  const container = createContainer()
  await registerCartModule(container, { migrate: true, ...(options.database ? { database: options.database } : {}) })
  const host = options.host ?? seedHost()
  container.register(Object.fromEntries(Object.entries(host).map(([key, port]) => [key, asValue(port)])))
  const deps: FlowDeps = { ...host, cart: container.resolve<CartModuleService>("cart") }

  const app = Fastify({ logger: options.logger ?? false })
  app.setErrorHandler(handleError)
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ type: "not_found", message: `Route ${request.method} ${request.url} not found` })
  })
  registerCartRoutes(app, deps)
  registerCheckoutRoutes(app, deps)
  return {
    app,
    container,
    host,
    async close() {
      await app.close()
      await container.dispose()
    },
  }
}
