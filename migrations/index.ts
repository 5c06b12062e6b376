import type { MigrationObject } from "@mikro-orm/core"
import { Migration20261122000000CreateCartTables } from "./20261122000000-create-cart-tables"
import { Migration20261201030000CheckoutStateAndActivity } from "./20261201030000-checkout-state-and-activity"

/** Every migration, oldest first. Append only: never edit or reorder a released one. */
export const MIGRATIONS: readonly MigrationObject[] = [
  { name: "Migration20261122000000CreateCartTables", class: Migration20261122000000CreateCartTables },
  { name: "Migration20261201030000CheckoutStateAndActivity", class: Migration20261201030000CheckoutStateAndActivity },
]
