import type { ChildProcess } from "node:child_process"
import { existsSync, rmSync } from "node:fs"
import { chown, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises"
import { createServer } from "node:net"
import { join, resolve } from "node:path"
import { findPostgresBinaries } from "./postgres-binaries"
import { ServerLog, runToCompletion, startServerProcess, stopServerProcess } from "./server-process"
import { serverUser, temporaryBase } from "./server-user"
import type { ServerUser } from "./server-user"
import { runnableInPlace, stageBinaries } from "./stage-binaries"
import type { RunnableBinaries } from "./stage-binaries"

/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** TCP port to listen on; a free one is picked when omitted. */
  port?: number
  /** Data directory; a fresh one inside the server's temporary folder when omitted. Reused if it already holds a cluster. */
  dataDir?: string
  /** Keep the data directory after `stop()` (default false: it is deleted). */
  persistent?: boolean
  /** Receives the server's own output (initdb, postgres); silent when omitted. */
  logger?: (msg: string) => void
}

/** A running embedded PostgreSQL server. */
export interface EmbeddedPostgresHandle {
  /** Connection URL of the server's `postgres` database. */
  url: string
  /** Port the server listens on (127.0.0.1 only). */
  port: number
  /** Data directory of the cluster. */
  dataDir: string
  /** Whether the data directory survives `stop()`. */
  persistent: boolean
  /** PostgreSQL version of the binaries (e.g. `17.6`). */
  version: string
  /** Stops the server (and deletes its temporary folder, and the data directory unless persistent); safe to call twice. */
  stop(): Promise<void>
}

/** Superuser created in every embedded cluster. */
export const EMBEDDED_POSTGRES_USER = "postgres"
/** Password of {@link EMBEDDED_POSTGRES_USER}; the server only listens on loopback, so a fixed one is enough. */
export const EMBEDDED_POSTGRES_PASSWORD = "password"

const MAX_START_ATTEMPTS = 3

/** Finds a TCP port on 127.0.0.1 that is free right now. */
export async function findFreePort(): Promise<number> {
  const server = createServer()
  server.unref()
  await new Promise<void>((resolvePromise, reject) => {
    server.once("error", reject)
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, resolvePromise)
  })
  const address = server.address()
  await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()))
  // A TCP listener always has an AddressInfo; a string is a pipe or socket path, null a closed server.
  if (address === null || typeof address === "string") throw new Error(`expected a TCP address, got ${String(address)}`)
  return address.port
}

async function initCluster(
  programs: RunnableBinaries,
  dataDir: string,
  workDir: string,
  user: ServerUser | undefined,
  persistent: boolean,
  log: ServerLog,
): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  // The password file lives in our own folder (not the shared temp dir) and goes away right after.
  const passwordFile = join(workDir, "pwfile")
  await writeFile(passwordFile, `${EMBEDDED_POSTGRES_PASSWORD}\n`, { mode: 0o600 })
  if (user) {
    await chown(dataDir, user.uid, user.gid)
    await chown(passwordFile, user.uid, user.gid)
  }
  const args = [
    `--pgdata=${dataDir}`,
    `--username=${EMBEDDED_POSTGRES_USER}`,
    `--pwfile=${passwordFile}`,
    "--auth=scram-sha-256",
    // The C locale exists on every machine and sorts deterministically; en_US.UTF-8 often does not exist.
    "--encoding=UTF8",
    "--locale=C",
    "--lc-messages=C",
    // Without it initdb ends with "You can now start the database server using pg_ctl...", which misleads.
    "--no-instructions",
    // A throwaway cluster is cheap to recreate: skipping fsync saves a large part of initdb.
    ...(persistent ? [] : ["--no-sync"]),
  ]
  try {
    await runToCompletion(programs.initdb, args, user, log)
  } finally {
    await rm(passwordFile, { force: true })
  }
}

async function startOnFreePort(
  programs: RunnableBinaries,
  dataDir: string,
  fixedPort: number | undefined,
  user: ServerUser | undefined,
  log: ServerLog,
): Promise<{ child: ChildProcess; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = fixedPort ?? (await findFreePort())
    // Loopback TCP only: no unix socket, so no clash with a system server's socket directory.
    const args = ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="]
    try {
      return { child: await startServerProcess(programs.postgres, args, user, log), port }
    } catch (error) {
      // The port was free when picked, but another process may have taken it since.
      const portTaken = log.has(/could not bind|address already in use/i)
      if (fixedPort !== undefined || !portTaken || attempt >= MAX_START_ATTEMPTS) throw error
      log.clear()
    }
  }
}

function startError(what: string, reason: unknown, log: ServerLog): Error {
  const detail = reason instanceof Error ? reason.message : String(reason)
  const tail = log.tail()
  return new Error(`Embedded PostgreSQL: ${what}: ${detail}${tail ? `\n--- server log ---\n${tail}` : ""}`, { cause: reason })
}

/**
 * Starts a PostgreSQL server from the binaries of the optional `embedded-postgres` package, on
 * 127.0.0.1. Everything it creates lives in one temporary folder of its own (binaries staged there
 * when they cannot be run in place, the data directory unless `dataDir` is given), deleted by
 * `stop()` or at process exit. As root, the server runs as the unprivileged `postgres` (or `nobody`)
 * account, which owns that folder; no permission outside it is changed.
 * @throws Error when `embedded-postgres` is not installed, or initdb or the server fails (with the server's last lines).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgresHandle> {
  const binaries = findPostgresBinaries()
  const user = await serverUser()
  const persistent = options.persistent ?? false
  const workDir = await mkdtemp(join(temporaryBase(user), `cartwright-pg-${process.pid}-`))
  const dataDir = resolve(options.dataDir ?? join(workDir, "data"))
  const hadCluster = existsSync(join(dataDir, "PG_VERSION"))
  // On failure only what this call created is removed: a folder the caller named stays as it was.
  const createsDataDir = !existsSync(dataDir)
  const log = new ServerLog(options.logger)
  const discard = async (): Promise<void> => {
    if (createsDataDir) await rm(dataDir, { recursive: true, force: true }).catch(() => undefined)
    await rm(workDir, { recursive: true, force: true }).catch(() => undefined)
  }

  let started: { child: ChildProcess; port: number }
  try {
    if (user) await chown(workDir, user.uid, user.gid)
    // As root the binaries must be reachable by the server's account even from a private (0700) checkout.
    const programs = user || !(await runnableInPlace(binaries)) ? await stageBinaries(binaries, join(workDir, "pg")) : binaries
    if (!hadCluster) {
      await initCluster(programs, dataDir, workDir, user, persistent, log).catch((reason: unknown) => {
        throw startError("initdb failed", reason, log)
      })
    }
    started = await startOnFreePort(programs, dataDir, options.port, user, log).catch((reason: unknown) => {
      throw startError("the server did not start", reason, log)
    })
  } catch (error) {
    await discard()
    throw error
  }

  const { child, port } = started
  // Last resort if the process exits without stop(): no async work is possible any more, so ask
  // the server for an immediate shutdown and delete what can be deleted.
  const onExit = (): void => {
    child.kill("SIGQUIT")
    for (const dir of persistent ? [workDir] : [dataDir, workDir]) {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
      } catch {
        // best effort while exiting
      }
    }
  }
  process.once("exit", onExit)

  let stopping: Promise<void> | undefined
  return {
    url: `postgres://${EMBEDDED_POSTGRES_USER}:${EMBEDDED_POSTGRES_PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    persistent,
    version: binaries.version.replace(/^(\d+\.\d+).*$/, "$1"),
    stop: () => {
      stopping ??= (async () => {
        process.removeListener("exit", onExit)
        await stopServerProcess(child)
        if (!persistent) await rm(dataDir, { recursive: true, force: true })
        await rm(workDir, { recursive: true, force: true })
      })()
      return stopping
    },
  }
}
