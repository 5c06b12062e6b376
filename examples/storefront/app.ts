import { asValue, createContainer } from "awilix"
import type { AwilixContainer } from "awilix"
import Fastify from "fastify"
import type { FastifyInstance } from "fastify"
import { registerCartModule } from "../../src/container/register-cart-module"
import type { FlowDeps } from "../../src/flows/flow-deps"
import type { CartDatabaseOptions } from "../../src/module/options"
import type { CartModuleService } from "../../src/service/cart-module-service"
import { InMemoryCustomers } from "./auth/customer-store"
import { Tokens } from "./auth/tokens"
import { registerAuthRoutes } from "./routes/auth-routes"
import { registerCartRoutes } from "./routes/cart-routes"
import { registerCheckoutRoutes } from "./routes/checkout-routes"
import { registerLineItemRoutes } from "./routes/line-item-routes"
import { registerPaymentRoutes } from "./routes/payment-routes"
import { registerRegionRoutes } from "./routes/region-routes"
import type { StoreDeps } from "./routes/store-context"
import { SEED, seedHost } from "./seed"
import type { SeededHost } from "./seed"
import { handleV1Error, handleV1FrameworkError, handleV1NotFound } from "./v1/v1-errors"

/** Options of {@link buildStorefront}. */
export interface StorefrontOptions {
  /** Where the cart tables live; absent: DATABASE_URL, else an embedded PostgreSQL. */
  readonly database?: CartDatabaseOptions
  /** The host modules; default: the seeded in-memory catalogue. */
  readonly host?: SeededHost
  /** The regions `GET /store/regions` lists; default: the seeded ones. */
  readonly regionIds?: readonly string[]
  /** Fastify's request logging (default off). */
  readonly logger?: boolean
}

/** A built storefront: the Fastify app (not yet listening), its container, its host modules and customers, and a way to stop everything. */
export interface Storefront {
  readonly app: FastifyInstance
  readonly container: AwilixContainer
  readonly host: SeededHost
  readonly customers: InMemoryCustomers
  close(): Promise<void>
}

/**
 * Builds the example storefront: an awilix container with the cart module (migrated, totals rounded
 * to the currency's minor unit so v1's integer amounts are exact), the in-memory host modules and
 * customers, and a Fastify app serving Medusa v1's Store API cart, region and customer-auth routes.
 */
export async function buildStorefront(options: StorefrontOptions = {}): Promise<Storefront> {
  const container = createContainer()
  await registerCartModule(container, {
    migrate: true,
    totals: { rounding: { mode: "half_up" } },
    ...(options.database ? { database: options.database } : {}),
  })
  const host = options.host ?? seedHost()
  container.register(Object.fromEntries(Object.entries(host).map(([key, port]) => [key, asValue(port)])))
  const flows: FlowDeps = { ...host, cart: container.resolve<CartModuleService>("cart") }
  const customers = new InMemoryCustomers()
  const secret = process.env.STOREFRONT_SECRET ? Buffer.from(process.env.STOREFRONT_SECRET) : undefined
  const deps: StoreDeps = { flows, customers, tokens: new Tokens(secret), regionIds: options.regionIds ?? Object.values(SEED.regions) }

  // frameworkErrors: Fastify's own routing failures (bad URL encoding, a parameter too long) get v1 bodies too.
  const app = Fastify({ logger: options.logger ?? false, frameworkErrors: handleV1FrameworkError })
  // medusa-js sends `Content-Type: application/json` with no body on POST and DELETE routes that take none.
  app.removeContentTypeParser("application/json")
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8")
    if (text.trim() === "") return done(null, undefined)
    try {
      // Like Fastify's own parser, drop `__proto__` keys so a body cannot reach Object.prototype.
      done(
        null,
        JSON.parse(text, (key: string, value: unknown) => (key === "__proto__" ? undefined : value)),
      )
    } catch {
      done(Object.assign(new Error("Request body is not valid JSON"), { statusCode: 400 }), undefined)
    }
  })
  app.setErrorHandler(handleV1Error)
  app.setNotFoundHandler(handleV1NotFound)
  registerCartRoutes(app, deps)
  registerLineItemRoutes(app, deps)
  registerCheckoutRoutes(app, deps)
  registerPaymentRoutes(app, deps)
  registerRegionRoutes(app, deps)
  registerAuthRoutes(app, deps)
  return {
    app,
    container,
    host,
    customers,
    async close() {
      await app.close()
      await container.dispose()
    },
  }
}
