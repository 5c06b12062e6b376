import type { MigrationObject } from "@mikro-orm/core"
import { Migration20261122000000CreateCartTables } from "./20261122000000-create-cart-tables"
import { Migration20261201010000TaxLineData } from "./20261201010000-tax-line-data"
import { Migration20261201020000CreationOrderClock } from "./20261201020000-creation-order-clock"
import { Migration20261201030000CheckoutStateAndActivity } from "./20261201030000-checkout-state-and-activity"
import { Migration20261201040000ForeignKeyIndexes } from "./20261201040000-foreign-key-indexes"

/** Every migration, oldest first. Append only: never edit or reorder a released one. */
export const MIGRATIONS: readonly MigrationObject[] = [
  { name: "Migration20261122000000CreateCartTables", class: Migration20261122000000CreateCartTables },
  { name: "Migration20261201010000TaxLineData", class: Migration20261201010000TaxLineData },
  { name: "Migration20261201020000CreationOrderClock", class: Migration20261201020000CreationOrderClock },
  { name: "Migration20261201030000CheckoutStateAndActivity", class: Migration20261201030000CheckoutStateAndActivity },
  { name: "Migration20261201040000ForeignKeyIndexes", class: Migration20261201040000ForeignKeyIndexes },
]
