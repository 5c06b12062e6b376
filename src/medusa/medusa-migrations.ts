import { MikroORM } from "@mikro-orm/postgresql"
import { Migrator } from "@mikro-orm/migrations"
import { MIGRATIONS } from "../../migrations"
import { InvalidDataError } from "../errors/errors"
import { migrationsConfig } from "../module/migrations-config"
import type { MigrationObject } from "@mikro-orm/core"
import type { Knex } from "@mikro-orm/postgresql"
import { ADOPTED_MARKER, AdoptMedusaCartTables, AdoptMedusaForeignKeyIndexes, AdoptMedusaTaxLineData } from "./adopt-medusa-schema"
import type { MedusaDatabaseOptions, MedusaMigrationArgs } from "./medusa-shapes"

// Medusa's `db:migrate` / `db:rollback` call a module's exported `runMigrations` / `revertMigration` when it
// has them (modules-sdk 2.21 `loadModuleMigrations`; `MedusaModule.migrateUp` passes `{ options, container,
// logger }` with `options.database` filled from the project's database config) and expect `runMigrations`
// to return the applied migrations as `{ name }` objects. Ours are the same list `createCartModule` applies.

// The entries that differ when cartwright runs on tables @medusajs/cart created (src/medusa/adopt-medusa-schema.ts);
// same names, so the history in cartwright_migrations reads the same either way.
const ADOPTING: Readonly<Record<string, MigrationObject["class"]>> = {
  Migration20261122000000CreateCartTables: AdoptMedusaCartTables,
  Migration20261201010000TaxLineData: AdoptMedusaTaxLineData,
  Migration20261201040000ForeignKeyIndexes: AdoptMedusaForeignKeyIndexes,
}

/**
 * Whether the tables are (or are to be) @medusajs/cart's: a `cart` table cartwright did not create (no
 * `version` column yet), or one it adopted earlier (marked by a table comment).
 */
async function onMedusaTables(knex: Knex): Promise<boolean> {
  const { rows } = await knex.raw<{ rows: { adopted: boolean; medusa: boolean }[] }>(
    `select coalesce(obj_description(to_regclass('cart'), 'pg_class') = ?, false) as adopted,
            to_regclass('cart') is not null and not exists (
              select 1 from pg_attribute where attrelid = to_regclass('cart') and attname = 'version' and not attisdropped) as medusa`,
    [ADOPTED_MARKER],
  )
  return rows[0]?.adopted === true || rows[0]?.medusa === true
}

function migrationsFor(medusaTables: boolean): MigrationObject[] {
  return MIGRATIONS.map((migration) => ({ ...migration, class: (medusaTables && ADOPTING[migration.name]) || migration.class }))
}

async function withMigrator<T>(database: MedusaDatabaseOptions | undefined, work: (migrator: Migrator) => Promise<T>): Promise<T> {
  const clientUrl = database?.clientUrl
  if (!clientUrl) throw InvalidDataError.because("cartwright/medusa: the migration command passed no options.database.clientUrl")
  const schema = database?.schema
  const orm = await MikroORM.init({
    clientUrl,
    entities: [],
    extensions: [Migrator],
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: true,
    pool: { min: 0, max: 1 },
    ...(schema && schema !== "public" ? { schema, driverOptions: { connection: { options: `-c search_path=${schema}` } } } : {}),
    migrations: migrationsConfig(),
  })
  try {
    const knex = orm.em.getKnex()
    if (schema && schema !== "public") await knex.raw(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`)
    // The migrator is built on first use and reads its list then: choose it for the tables found.
    orm.config.set("migrations", { ...orm.config.get("migrations"), migrationsList: migrationsFor(await onMedusaTables(knex)) })
    return await work(orm.getMigrator())
  } finally {
    await orm.close(true)
  }
}

/** Applies cartwright's pending migrations; what Medusa's `db:migrate` runs for this module. */
export async function runMigrations(args: MedusaMigrationArgs = {}): Promise<{ name: string }[]> {
  return withMigrator(args.options?.database, async (migrator) => (await migrator.up()).map((migration) => ({ name: migration.name })))
}

/** Reverts the named migrations (or, without names, the last one); what Medusa's `db:rollback` runs. */
export async function revertMigration(args: MedusaMigrationArgs = {}): Promise<void> {
  const names = args.migrationNames ?? []
  await withMigrator(args.options?.database, async (migrator) => {
    await (names.length ? migrator.down({ migrations: [...names] }) : migrator.down())
  })
}
