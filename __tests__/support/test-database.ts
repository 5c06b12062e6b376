import { randomBytes } from "node:crypto"
import { statfsSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { useStarted } from "./use-started"

/** A database of its own for one test file. */
export interface TestDatabase {
  /** Connection URL of the fresh database. */
  url: string
  /** Drops the database, closing any connections still open on it. */
  drop(): Promise<void>
}

/** The slice of a `pg` Client used by the test helpers (`pg` ships no types of its own). */
export interface PgClient {
  connect(): Promise<void>
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>
  end(): Promise<void>
  on(event: "error", listener: (err: Error) => void): unknown
}

// Loaded untyped because @types/pg is not a dependency; PgClient above is the typed slice.
const { Client } = createRequire(__filename)("pg") as {
  Client: new (config: { connectionString: string }) => PgClient
}

/** Runs `fn` with a connected `pg` client for `url`, always closing it afterwards. */
export async function withPgClient<T>(url: string, fn: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url })
  // Without a listener, a server-side disconnect while idle (e.g. DROP DATABASE ... FORCE)
  // would crash the worker; the next query or end() reports it instead.
  client.on("error", () => undefined)
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** URL of the PostgreSQL server the Jest run uses (set by global-setup). */
export function testServerUrl(): string {
  const url = process.env.CARTWRIGHT_TEST_SERVER_URL ?? process.env.DATABASE_URL
  if (!url) {
    throw new Error("No test PostgreSQL server: run the tests through Jest (its global setup starts one) or set DATABASE_URL.")
  }
  return url
}

/** Creates a fresh, uniquely named, empty database on the test server, so each test file is isolated. */
export async function createTestDatabase(serverUrl: string = testServerUrl()): Promise<TestDatabase> {
  const name = `cw_${process.env.JEST_WORKER_ID ?? "0"}_${randomBytes(5).toString("hex")}`
  // template0 is guaranteed empty even on a shared server whose template1 someone has filled.
  await withPgClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0`))
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  let dropped: Promise<void> | undefined
  return {
    url: url.toString(),
    drop: () => {
      dropped ??= withPgClient(serverUrl, async (c) => {
        // FORCE: a pool the test forgot to close must not keep the database alive.
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      })
      return dropped
    },
  }
}

const RAM_DISK = "/dev/shm"
const RAM_DISK_MIN_FREE = 1024 ** 3

// The test cluster is throwaway, so keep it in RAM where there is room: measured here, the
// server starts in 0.6 s instead of 1.5 s and CREATE DATABASE takes ~60 ms instead of ~290 ms
// (file creation in /tmp is slow on these machines). Containers often give /dev/shm only
// 64 MB, too small for a cluster plus a database per test file, hence the free-space check.
/** A fresh path for a throwaway cluster in RAM when /dev/shm has room, else undefined (use the default). */
export function throwawayDataDir(prefix: string): string | undefined {
  try {
    const fs = statfsSync(RAM_DISK)
    if (fs.bavail * fs.bsize < RAM_DISK_MIN_FREE) return undefined
  } catch {
    return undefined
  }
  return join(RAM_DISK, `${prefix}-${process.pid}-${randomBytes(4).toString("hex")}`)
}

/** A database of its own for the enclosing `describe` (or file): created before its tests, dropped after them. */
export function useTestDatabase(): { readonly url: string } {
  const current = useStarted(
    "useTestDatabase()",
    () => createTestDatabase(),
    (database) => database.drop(),
  )
  return {
    get url() {
      return current().url
    },
  }
}
