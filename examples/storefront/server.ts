// npm start: serves the example storefront. PORT (default 9000), HOST (default 127.0.0.1);
// DATABASE_URL picks the database, otherwise an embedded PostgreSQL is started.
// `--medusa-modules` (needs DATABASE_URL): Medusa's own modules behind the ports, see medusa-modules.ts.
import { buildStorefront } from "./app"
import { startMedusaModulesHost } from "./medusa-modules"

async function main(): Promise<void> {
  const medusa = process.argv.includes("--medusa-modules") ? await startMedusaModulesHost(process.env.DATABASE_URL ?? "") : undefined
  const storefront = await buildStorefront({ logger: true, ...(medusa ? { host: medusa.host } : {}) })
  const port = Number(process.env.PORT ?? 9000)
  const host = process.env.HOST ?? "127.0.0.1"
  await storefront.app.listen({ port, host })
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    Promise.all([storefront.close(), medusa?.close()]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
