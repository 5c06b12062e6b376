import { createCartModule } from "../../src/module/create-cart-module"
import type { CartModule } from "../../src/module/create-cart-module"
import type { CartDatabaseOptions, CartModuleOptions } from "../../src/module/options"
import { InMemoryEventBus } from "../../src/ports/event-bus"
import type { CartModuleService } from "../../src/service/cart-module-service"
import { createTestDatabase } from "./test-database"
import type { TestDatabase } from "./test-database"
import { useStarted } from "./use-started"

/** A cart module on a database of its own, migrated, with an in-memory event bus. */
export interface CartModuleFixture {
  module: CartModule
  events: InMemoryEventBus
  database: TestDatabase
  close(): Promise<void>
}

/** What a test may pass to `useCartModule`: everything but the database URL and event bus, which the fixture owns. */
export type FixtureOptions = Omit<CartModuleOptions, "database" | "eventBus"> & {
  database?: Pick<CartDatabaseOptions, "pool" | "preparedStatements">
}

/** Starts a module on a fresh database; `useCartModule` closes it after the file's tests. */
async function startCartModule(options: FixtureOptions = {}): Promise<CartModuleFixture> {
  const database = await createTestDatabase()
  const events = new InMemoryEventBus()
  const module = await createCartModule({ ...options, database: { ...options.database, clientUrl: database.url }, eventBus: events })
  await module.migrate()
  return {
    module,
    events,
    database,
    async close() {
      await module.close()
      await database.drop()
    },
  }
}

/** The module a `describe` block (or a whole file) shares, readable once its `beforeAll` has run. */
export interface SharedCartModule {
  readonly module: CartModule
  readonly service: CartModuleService
  readonly events: InMemoryEventBus
  readonly database: TestDatabase
}

/**
 * Registers `beforeAll`/`afterAll` that start and close a module for the enclosing `describe` (or file),
 * so a test file states what it needs in one line instead of repeating the hooks.
 */
export function useCartModule(options: FixtureOptions = {}): SharedCartModule {
  const current = useStarted(
    "useCartModule()",
    () => startCartModule(options),
    (started) => started.close(),
  )
  return {
    get module() {
      return current().module
    },
    get service() {
      return current().module.service
    },
    get events() {
      return current().events
    },
    get database() {
      return current().database
    },
  }
}
