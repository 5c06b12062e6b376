import type { Options } from "@mikro-orm/postgresql"
import { MIGRATIONS } from "../../migrations"

/**
 * How cartwright's migrations run, for the module and for Medusa's migration command alike: each in a
 * transaction, all or nothing, no snapshot file, recorded in their own table (never Medusa's).
 */
export function migrationsConfig(): NonNullable<Options["migrations"]> {
  return {
    migrationsList: [...MIGRATIONS],
    transactional: true,
    allOrNothing: true,
    snapshot: false,
    tableName: "cartwright_migrations",
    silent: true,
  }
}
