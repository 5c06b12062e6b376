import { startEmbeddedPostgres } from "../../src/database/embedded-postgres"
import { throwawayDataDir, withPgClient } from "./test-database"
import { TEST_SERVER_KEY, type TestServerState } from "./global-teardown"

// Projects that never touch a database; running only these needs no server.
const DATABASE_FREE_PROJECTS = new Set(["unit"])

// Jest does not hand --selectProjects to global setup, so read it off the command line.
function selectedProjects(argv: readonly string[]): string[] {
  const selected: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ""
    if (arg.startsWith("--selectProjects=")) selected.push(arg.slice("--selectProjects=".length))
    else if (arg === "--selectProjects") {
      while (i + 1 < argv.length && !(argv[i + 1] ?? "-").startsWith("-")) selected.push(argv[++i] ?? "")
    }
  }
  return selected
}

/** Jest global setup: provides one PostgreSQL server for the whole run via CARTWRIGHT_TEST_SERVER_URL. */
export default async function globalSetup(): Promise<void> {
  const selected = selectedProjects(process.argv)
  if (selected.length > 0 && selected.every((p) => DATABASE_FREE_PROJECTS.has(p))) return

  const fromEnv = process.env.DATABASE_URL?.trim()
  if (fromEnv) {
    // Fail once, clearly, instead of once per test file.
    await withPgClient(fromEnv, (c) => c.query("select 1")).catch((err: unknown) => {
      throw new Error(`DATABASE_URL is set but its server does not answer: ${String(err)}`, { cause: err })
    })
    process.env.CARTWRIGHT_TEST_SERVER_URL = fromEnv
    return
  }

  const server = await startEmbeddedPostgres({ dataDir: throwawayDataDir("cartwright-pg-test") })
  try {
    await withPgClient(server.url, (c) => c.query("select 1"))
  } catch (err) {
    // Jest skips global teardown when setup throws.
    await server.stop()
    throw err
  }
  const state: TestServerState = { stop: () => server.stop() }
  ;(globalThis as Record<symbol, unknown>)[TEST_SERVER_KEY] = state
  // Workers are forked after global setup, so they inherit this.
  process.env.CARTWRIGHT_TEST_SERVER_URL = server.url
}
