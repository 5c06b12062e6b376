import { randomBytes } from "node:crypto"
import { Client } from "pg"

/** A database of its own for one test file, on the server in DATABASE_URL. */
export interface HostDatabase {
  /** Connection URL of the fresh database. */
  readonly url: string
  /** Its name (Medusa's test runner takes a name, not a URL). */
  readonly name: string
  /** Drops it, closing whatever connection is still open on it. */
  drop(): Promise<void>
}

/** The server the integration suites use. */
export function serverUrl(): string {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error("Set DATABASE_URL to a PostgreSQL server where databases may be created.")
  return url
}

/** Runs `sql` on `url` with a short-lived client. */
export async function query<R = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new Client({ connectionString: url })
  client.on("error", () => undefined)
  await client.connect()
  try {
    return (await client.query(sql, params)).rows as R[]
  } finally {
    await client.end()
  }
}

/** Creates an empty, uniquely named database, so test files never share state. */
export async function createHostDatabase(): Promise<HostDatabase> {
  const name = `cwm_${process.env.JEST_WORKER_ID ?? "0"}_${randomBytes(5).toString("hex")}`
  await query(serverUrl(), `CREATE DATABASE "${name}" TEMPLATE template0`)
  const url = new URL(serverUrl())
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    name,
    drop: async () => {
      await query(serverUrl(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    },
  }
}
