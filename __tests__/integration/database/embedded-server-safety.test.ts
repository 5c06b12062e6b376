import { lstatSync, readdirSync, statSync } from "node:fs"
import { createServer } from "node:net"
import type { AddressInfo, Server } from "node:net"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { startEmbeddedPostgres } from "../../../src/database/embedded-postgres"
import { findPostgresBinaries } from "../../../src/database/postgres-binaries"
import { ServerLog, runToCompletion } from "../../../src/database/server-process"
import { withPgClient } from "../../support/test-database"

const SERVER_TIMEOUT = 120_000

/** Mode and owner of every folder from `path` up to the root, and of the programs. */
function permissionsAround(root: string): Record<string, string> {
  const seen: Record<string, string> = {}
  const record = (path: string): void => {
    const stat = lstatSync(path)
    seen[path] = `${(stat.mode & 0o7777).toString(8)} ${stat.uid}:${stat.gid}`
  }
  for (let dir = root; ; dir = dirname(dir)) {
    record(dir)
    if (dirname(dir) === dir) break
  }
  for (const name of readdirSync(join(root, "bin"))) record(join(root, "bin", name))
  record(tmpdir())
  return seen
}

const ourTempFolders = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith(`cartwright-pg-${process.pid}-`))

describe("the embedded server on a user's machine", () => {
  it(
    "changes no permission outside its own temporary folder, and runs as an unprivileged user when started as root",
    async () => {
      const binaries = findPostgresBinaries()
      const before = permissionsAround(binaries.root)
      const server = await startEmbeddedPostgres()
      try {
        // Read the backend's owner while its connection is still open: the process exits with it.
        const backendOwner = await withPgClient(server.url, async (c) => {
          const { rows } = await c.query<{ pid: number }>("select pg_backend_pid() as pid")
          return statSync(`/proc/${rows[0]!.pid}`).uid
        })
        if (process.getuid?.() === 0) expect(backendOwner).not.toBe(0)
        else expect(backendOwner).toBe(process.getuid?.())
      } finally {
        await server.stop()
      }
      expect(permissionsAround(binaries.root)).toEqual(before)
    },
    SERVER_TIMEOUT,
  )

  it(
    "fails with the server's own words and leaves no temporary folder when it cannot start",
    async () => {
      const blocker: Server = createServer()
      await new Promise<void>((resolve) => blocker.listen({ port: 0, host: "127.0.0.1" }, resolve))
      const { port } = blocker.address() as AddressInfo
      const before = ourTempFolders()
      try {
        await expect(startEmbeddedPostgres({ port })).rejects.toThrow(/did not start[\s\S]*server log[\s\S]*(could not bind|in use)/i)
      } finally {
        await new Promise<void>((resolve) => blocker.close(() => resolve()))
      }
      expect(ourTempFolders()).toEqual(before)
    },
    SERVER_TIMEOUT,
  )

  it("turns a program that cannot be started into a rejection, not an uncaught 'error' event", async () => {
    await expect(runToCompletion("/nonexistent/initdb", [], undefined, new ServerLog())).rejects.toMatchObject({ code: "ENOENT" })
  })
})
