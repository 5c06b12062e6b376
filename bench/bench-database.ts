import { randomBytes } from "node:crypto"
import { createRequire } from "node:module"
import { createCartModule } from "../src/index"
import type { CartModule, LoggerPort } from "../src/index"

/** A migrated cart module on a database nobody else uses, and how to clean it up. */
export interface BenchModule {
  readonly module: CartModule
  /** `env` (a fresh database on DATABASE_URL's server) or `embedded` (a throwaway server). */
  readonly source: "env" | "embedded"
  /** Creates another empty database on the same server (for the floor or Medusa); dropped by `close()`. */
  freshDatabase(): Promise<string>
  close(): Promise<void>
}

interface PgClient {
  connect(): Promise<void>
  query(sql: string): Promise<unknown>
  end(): Promise<void>
  on(event: "error", listener: (err: Error) => void): unknown
}

// Untyped require: `pg` ships no types and @types/pg is not a dependency.
const { Client } = createRequire(__filename)("pg") as { Client: new (config: { connectionString: string }) => PgClient }

async function onServer(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url })
  client.on("error", () => undefined)
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** Opens the module on `cartwright_bench_<random>` on DATABASE_URL's server, or on the embedded server when unset. */
export async function openBenchModule(env: NodeJS.ProcessEnv = process.env): Promise<BenchModule> {
  const envUrl = env.DATABASE_URL?.trim()
  const created: string[] = []
  let serverUrl = envUrl ?? ""
  const freshDatabase = async () => {
    const name = `cartwright_bench_${randomBytes(5).toString("hex")}`
    await onServer(serverUrl, `CREATE DATABASE "${name}" TEMPLATE template0`)
    created.push(name)
    return withDatabase(serverUrl, name)
  }
  const dropAll = async () => {
    for (const name of created.splice(0)) await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  }
  let module: CartModule
  try {
    // With no DATABASE_URL, createCartModule starts a throwaway embedded server: its database is already fresh.
    module = await createCartModule({ ...(envUrl ? { database: { clientUrl: await freshDatabase() } } : {}), logger: quietLogger })
    if (!envUrl) serverUrl = module.orm.config.getClientUrl()
    await module.migrate()
  } catch (error) {
    await dropAll()
    throw error
  }
  return {
    module,
    source: envUrl ? "env" : "embedded",
    freshDatabase,
    async close() {
      // An embedded server stops with the module, so its extra databases go first; on DATABASE_URL's
      // server the module's own database is dropped after its pool has closed.
      if (!envUrl) await dropAll().finally(() => module.close())
      else await module.close().finally(dropAll)
    },
  }
}

/** Applies cartwright's migrations to `url` (a database from {@link BenchModule.freshDatabase}) and disconnects. */
export async function migrateDatabase(url: string): Promise<void> {
  const module = await createCartModule({ database: { clientUrl: url }, logger: quietLogger })
  try {
    await module.migrate()
  } finally {
    await module.close()
  }
}

// Expected conflicts in the concurrency phase must not flood the table with warnings.
const quietLogger: LoggerPort = {
  warn: () => undefined,
  error: (message: string, meta?: unknown) => console.error(message, meta),
}
