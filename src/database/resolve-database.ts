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

// One embedded server per process, shared by every caller: starting one costs a second or
// two and each holds ~75 MB, so the demo, the CLI and the benchmark must not start several.
let shared: { handle: Promise<EmbeddedPostgresHandle>; users: number } | undefined

/** Returns DATABASE_URL when set, otherwise the URL of this process' embedded PostgreSQL server (started on first use). */
export async function resolveDatabaseUrl(
  env: NodeJS.ProcessEnv = process.env,
  options: EmbeddedPostgresOptions = {},
): Promise<ResolvedDatabase> {
  const fromEnv = env.DATABASE_URL?.trim()
  if (fromEnv) return { url: fromEnv, source: "env", stop: async () => {} }

  // Options only apply to the call that starts the server; later callers share it as is.
  if (!shared) {
    const handle = startEmbeddedPostgres(options)
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
