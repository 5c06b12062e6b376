// Runs @medusajs/cart's own migrations on the database in argv[2], as `medusa db:migrate` does for an app whose
// cart module is Medusa's (MedusaAppMigrateUp). A plain Node process: MikroORM loads Medusa's migration files
// with import(), which jest's VM refuses without --experimental-vm-modules.
const { MedusaAppMigrateUp, MedusaModule } = require("@medusajs/framework/modules-sdk")
const { ContainerRegistrationKeys, Modules, ModulesSdkUtils } = require("@medusajs/framework/utils")

async function main(clientUrl) {
  const connection = ModulesSdkUtils.createPgConnection({ clientUrl, schema: "public" })
  const quiet = { info() {}, warn() {}, debug() {}, log() {}, error: console.error }
  await MedusaAppMigrateUp({
    modulesConfig: { [Modules.CART]: { resolve: "@medusajs/cart", options: {} } },
    sharedResourcesConfig: { database: { clientUrl } },
    injectedDependencies: { [ContainerRegistrationKeys.PG_CONNECTION]: connection, [ContainerRegistrationKeys.LOGGER]: quiet },
  })
  MedusaModule.clearInstances()
  await connection.destroy()
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
