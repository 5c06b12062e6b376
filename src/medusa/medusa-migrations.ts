import { MikroORM } from "@mikro-orm/postgresql"
import { Migrator } from "@mikro-orm/migrations"
import { MIGRATIONS } from "../../migrations"
import { InvalidDataError } from "../errors/errors"
import type { MedusaDatabaseOptions, MedusaMigrationArgs } from "./medusa-shapes"

// Medusa's `db:migrate` / `db:rollback` call a module's exported `runMigrations` / `revertMigration` when it
// has them (modules-sdk 2.21 `loadModuleMigrations`; `MedusaModule.migrateUp` passes `{ options, container,
// logger }` with `options.database` filled from the project's database config) and expect `runMigrations`
// to return the applied migrations as `{ name }` objects. Ours are the same list `createCartModule` applies.

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
    migrations: { migrationsList: [...MIGRATIONS], transactional: true, allOrNothing: true, snapshot: false, tableName: "cartwright_migrations", silent: true },
  })
  try {
    if (schema && schema !== "public") await orm.em.getKnex().raw(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`)
    return await work(orm.getMigrator())
  } finally {
    await orm.close(true)
  }
}

/** Applies cartwright's pending migrations; what Medusa's `db:migrate` runs for this module. */
export async function runMigrations(args: MedusaMigrationArgs = {}): Promise<{ name: string }[]> {
  return withMigrator(args.options?.database, async (migrator) =>
    (await migrator.up()).map((migration) => ({ name: migration.name })),
  )
}

/** Reverts the named migrations (or, without names, the last one); what Medusa's `db:rollback` runs. */
export async function revertMigration(args: MedusaMigrationArgs = {}): Promise<void> {
  const names = args.migrationNames ?? []
  await withMigrator(args.options?.database, async (migrator) => {
    await (names.length ? migrator.down({ migrations: [...names] }) : migrator.down())
  })
}
