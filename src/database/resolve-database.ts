import { startEmbeddedPostgres, type EmbeddedPostgresHandle, type EmbeddedPostgresOptions } from "./embedded-postgres"

/** A PostgreSQL server to connect to, and how to let go of it. */
export interface ResolvedDatabase {
  /** Connection URL. */
  url: string
  /** Where the server came from: the DATABASE_URL variable or an embedded server started here. */
  source: "env" | "embedded"
  /** Releases the server: a no-op for DATABASE_URL; the embedded server stops once its last user stops. */
  stop(): Promise<void>
}

/** Environment variable naming a data directory to keep the embedded server's data in (between runs of `npm start`). */
export const EMBEDDED_DATA_DIR_ENV = "CARTWRIGHT_PG_DATA"

/** The one line announcing an embedded server: where it runs and what happens to its data. */
export function describeEmbeddedServer(server: EmbeddedPostgresHandle): string {
  const data = server.persistent
    ? `data kept in ${server.dataDir} (${EMBEDDED_DATA_DIR_ENV})`
    : `throwaway: its data in ${server.dataDir} is deleted on exit; set DATABASE_URL to use your own server`
  return `Embedded PostgreSQL ${server.version} on 127.0.0.1:${server.port} (${data})`
}

// One embedded server per process, shared by every caller: starting one costs a second or
// two and each holds ~75 MB, so the demo, the CLI and the benchmark must not start several.
let shared: { handle: Promise<EmbeddedPostgresHandle>; users: number } | undefined

/**
 * Returns DATABASE_URL when set, otherwise the URL of this process' embedded PostgreSQL server
 * (started on first use; its data is kept in CARTWRIGHT_PG_DATA when that is set, else thrown away).
 * `announce` receives one line when this call starts the server.
 */
export async function resolveDatabaseUrl(
  env: NodeJS.ProcessEnv = process.env,
  options: EmbeddedPostgresOptions = {},
  announce?: (line: string) => void,
): Promise<ResolvedDatabase> {
  const fromEnv = env.DATABASE_URL?.trim()
  if (fromEnv) return { url: fromEnv, source: "env", stop: async () => {} }

  // Options only apply to the call that starts the server; later callers share it as is.
  if (!shared) {
    const keepIn = env[EMBEDDED_DATA_DIR_ENV]?.trim()
    const handle = startEmbeddedPostgres(keepIn ? { dataDir: keepIn, persistent: true, ...options } : options)
    handle.then(
      (server) => announce?.(describeEmbeddedServer(server)),
      () => undefined,
    )
    const entry = { handle, users: 0 }
    shared = entry
    // A failed start must not poison later calls.
    handle.catch(() => {
      if (shared === entry) shared = undefined
    })
  }
  const entry = shared
  entry.users++
  let server: EmbeddedPostgresHandle
  try {
    server = await entry.handle
  } catch (err) {
    entry.users--
    throw err
  }

  let released = false
  return {
    url: server.url,
    source: "embedded",
    stop: async () => {
      if (released) return
      released = true
      entry.users--
      if (entry.users > 0) return
      if (shared === entry) shared = undefined
      // The handle also stops itself on process exit, so callers that never call stop() are covered.
      await server.stop()
    },
  }
}
