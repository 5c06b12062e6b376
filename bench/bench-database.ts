import { randomBytes } from "node:crypto"
import { createRequire } from "node:module"
import { createCartModule } from "../src/index"
import type { CartModule, LoggerPort } from "../src/index"

/** A migrated cart module on a database nobody else uses, and how to clean it up. */
export interface BenchModule {
  readonly module: CartModule
  /** `env` (a fresh database on DATABASE_URL's server) or `embedded` (a throwaway server). */
  readonly source: "env" | "embedded"
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

/** Opens the module on `cartwright_bench_<random>` on DATABASE_URL's server, or on the embedded server when unset. */
export async function openBenchModule(env: NodeJS.ProcessEnv = process.env): Promise<BenchModule> {
  const serverUrl = env.DATABASE_URL?.trim()
  if (!serverUrl) {
    // With no DATABASE_URL, createCartModule starts a throwaway embedded server: already fresh.
    const module = await createCartModule({ logger: quietLogger })
    await module.migrate()
    return { module, source: "embedded", close: () => module.close() }
  }
  const name = `cartwright_bench_${randomBytes(5).toString("hex")}`
  await onServer(serverUrl, `CREATE DATABASE "${name}" TEMPLATE template0`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const drop = () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  let module: CartModule
  try {
    module = await createCartModule({ database: { clientUrl: url.toString() }, logger: quietLogger })
    await module.migrate()
  } catch (error) {
    await drop()
    throw error
  }
  return {
    module,
    source: "env",
    async close() {
      try {
        await module.close()
      } finally {
        await drop()
      }
    },
  }
}

// Expected conflicts in the concurrency phase must not flood the table with warnings.
const quietLogger: LoggerPort = {
  warn: () => undefined,
  error: (message: string, meta?: unknown) => console.error(message, meta),
}
