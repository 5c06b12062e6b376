// Runs the migrations of the port suites' Medusa modules and their link tables on the database in argv[2]
// (plus the extra modules named in argv[3], comma-separated),
// as `medusa db:migrate` does: each module's migrations (MedusaAppMigrateUp), then the link migration plan.
// A plain Node process, because MikroORM loads migration files with import(), which jest's VM refuses
// without --experimental-vm-modules.
const { MedusaApp, MedusaAppMigrateUp, MedusaModule } = require("@medusajs/framework/modules-sdk")
const { ContainerRegistrationKeys, ModulesSdkUtils } = require("@medusajs/framework/utils")
const { modulesConfig } = require("./medusa-modules-config")
const { quietLogger } = require("./quiet-logger")

async function main(clientUrl, extras) {
  const connection = ModulesSdkUtils.createPgConnection({ clientUrl, schema: "public" })
  const options = () => ({
    modulesConfig: modulesConfig(extras),
    sharedResourcesConfig: { database: { clientUrl } },
    injectedDependencies: { [ContainerRegistrationKeys.PG_CONNECTION]: connection, [ContainerRegistrationKeys.LOGGER]: quietLogger },
  })
  await MedusaAppMigrateUp(options())
  const app = await MedusaApp({ ...options(), migrationOnly: true })
  const planner = app.linkMigrationExecutionPlanner()
  await planner.executePlan(await planner.createPlan())
  MedusaModule.clearInstances()
  await connection.destroy()
}

main(process.argv[2], (process.argv[3] ?? "").split(",").filter(Boolean)).then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
