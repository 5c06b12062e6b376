import { createCartModule } from "../../src/module/create-cart-module"
import type { CartModule } from "../../src/module/create-cart-module"
import type { CartDatabaseOptions, CartModuleOptions } from "../../src/module/options"
import { InMemoryEventBus } from "../../src/ports/event-bus"
import { createTestDatabase } from "./test-database"
import type { TestDatabase } from "./test-database"

/** A cart module on a database of its own, migrated, with an in-memory event bus. */
export interface CartModuleFixture {
  module: CartModule
  events: InMemoryEventBus
  database: TestDatabase
  close(): Promise<void>
}

/** Starts a module for one test file; call `close()` in `afterAll`. */
export async function startCartModule(
  options: Omit<CartModuleOptions, "database" | "eventBus"> & { database?: Pick<CartDatabaseOptions, "pool" | "preparedStatements"> } = {},
): Promise<CartModuleFixture> {
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
