import { MIGRATIONS } from "../../../migrations"
import { runCli } from "../../../src/cli/run-cli"
import { VERSION } from "../../../src/cli/version"
import { testServerUrl, useTestDatabase, withPgClient } from "../../support/test-database"

const MIGRATION = MIGRATIONS[0]!.name
const NAMES = MIGRATIONS.map((migration) => migration.name)
const COUNT = NAMES.length

interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI in-process with its own environment, capturing both streams. */
async function cli(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = ""
  let stderr = ""
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  })
  return { code, stdout, stderr }
}

describe("cartwright migrate", () => {
  const database = useTestDatabase()
  let env: Record<string, string>

  beforeAll(() => {
    env = { DATABASE_URL: database.url }
  })

  // One database walked through its life cycle: the steps are the spec, in order.
  it("status on a fresh database lists the migration as pending", async () => {
    const run = await cli(["migrate", "status"], env)
    expect(run).toMatchObject({ code: 0, stderr: "" })
    expect(run.stdout).toMatch(new RegExp(`pending\\s+${MIGRATION}`))
    expect(run.stdout).toContain(`0 applied, ${COUNT} pending`)
  })

  it("up applies them and says so", async () => {
    const run = await cli(["migrate", "up"], env)
    expect(run).toEqual({ code: 0, stdout: NAMES.map((name) => `Applied: ${name}\n`).join(""), stderr: "" })
  })

  it("up again has nothing to apply", async () => {
    const run = await cli(["migrate", "up"], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Nothing to apply/)
  })

  it("status then lists it as applied", async () => {
    const run = await cli(["migrate", "status"], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(new RegExp(`applied\\s+${MIGRATION}`))
    expect(run.stdout).toContain(`${COUNT} applied, 0 pending`)
  })

  it("down --all without --yes names the migrations and the tables it would drop, and changes nothing", async () => {
    const run = await cli(["migrate", "down", "--all"], env)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe("")
    expect(run.stderr).toContain(`would revert ${[...NAMES].reverse().join(", ")}`)
    expect(run.stderr).toMatch(/drops the tables .*\bcart\b.*cart_line_item.* in schema public, and every row in them/)
    expect(run.stderr).toContain("--yes")
    expect((await cli(["migrate", "status"], env)).stdout).toContain(`${COUNT} applied, 0 pending`)
  })

  it("down --all --yes reverts them, and a second down has nothing to revert", async () => {
    const reverted = [...NAMES]
      .reverse()
      .map((name) => `Reverted: ${name}\n`)
      .join("")
    expect(await cli(["migrate", "down", "--all", "--yes"], env)).toEqual({ code: 0, stdout: reverted, stderr: "" })
    const again = await cli(["migrate", "down", "--all", "-y"], env)
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/^Nothing to revert/)
  })
})

describe("cartwright migrate --schema", () => {
  const database = useTestDatabase()

  it("creates the schema and the tables in it, and reads status from it", async () => {
    const env = { DATABASE_URL: database.url }
    expect(await cli(["migrate", "up", "--schema", "shop_cart"], env)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`Applied: ${MIGRATION}\n`),
    })
    const tables = await withPgClient(database.url, (c) =>
      c.query<{ schema: string }>("select table_schema as schema from information_schema.tables where table_name = 'cart'"),
    )
    expect(tables.rows).toEqual([{ schema: "shop_cart" }])
    expect((await cli(["migrate", "status", "--schema=shop_cart"], env)).stdout).toContain(`${COUNT} applied, 0 pending`)
    expect((await cli(["migrate", "status"], env)).stdout).toContain(`0 applied, ${COUNT} pending`)
  })
})

describe("cartwright migrate on a database that does not exist", () => {
  it("fails with a hint instead of creating it, and creates it only with --create-database", async () => {
    const server = new URL(testServerUrl())
    const name = `cw_missing_${process.pid}_${Date.now()}`
    server.pathname = `/${name}`
    const env = { DATABASE_URL: server.toString() }
    const run = await cli(["migrate", "up"], env)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/database "cw_missing_\w+" does not exist.*createDatabase/)
    try {
      expect((await cli(["migrate", "up", "--create-database"], env)).code).toBe(0)
    } finally {
      await withPgClient(testServerUrl(), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
    }
  })
})

describe("cartwright migrate failures", () => {
  it("requires DATABASE_URL from the env it is given (never process.env, never an embedded server)", async () => {
    const run = await cli(["migrate", "up"], {})
    expect(run.code).toBe(1)
    expect(run.stdout).toBe("")
    expect(run.stderr).toContain("DATABASE_URL is required")
  })

  it("reports an unreachable server in one line naming its address", async () => {
    const run = await cli(["migrate", "status"], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/x" })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain("127.0.0.1:1")
    expect(run.stderr.trim().split("\n")).toHaveLength(1)
  })

  it("reports a DATABASE_URL that is not a postgres URL", async () => {
    const run = await cli(["migrate", "up"], { DATABASE_URL: "mysql://root@localhost/shop" })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain("DATABASE_URL")
  })
})

describe("cartwright usage", () => {
  it.each([
    [[]],
    [["frobnicate"]],
    [["migrate"]],
    [["migrate", "sideways"]],
    [["migrate", "up", "--all"]],
    [["migrate", "status", "extra"]],
    [["migrate", "up", "--yes"]],
    [["migrate", "status", "--schema"]],
    [["demo", "--fast"]],
    [["help", "frobnicate"]],
  ])("exits 2 with the usage on stderr for %j", async (argv) => {
    const run = await cli(argv, { DATABASE_URL: "postgres://postgres@127.0.0.1:1/x" })
    expect(run.code).toBe(2)
    expect(run.stdout).toBe("")
    expect(run.stderr).toMatch(/^cartwright: .+\n\nUsage: cartwright/)
  })

  it.each([[["--help"]], [["-h"]], [["help"]]])("prints the help and exits 0 for %j", async (argv) => {
    const run = await cli(argv)
    expect(run).toMatchObject({ code: 0, stderr: "" })
    expect(run.stdout).toContain("migrate up")
    expect(run.stdout).toMatch(/^Usage: cartwright <command>/)
  })

  it.each([[["migrate", "--help"]], [["migrate", "down", "-h"]], [["help", "migrate"]]])(
    "prints migrate's own help for %j",
    async (argv) => {
      const run = await cli(argv)
      expect(run).toMatchObject({ code: 0, stderr: "" })
      expect(run.stdout).toMatch(/^Usage: cartwright migrate <up\|down\|status>/)
      expect(run.stdout).toContain("--schema <name>")
      expect(run.stdout).toContain("--yes")
    },
  )

  it("prints demo's own help", async () => {
    expect((await cli(["demo", "--help"])).stdout).toMatch(/^Usage: cartwright demo/)
  })

  it.each([[["--version"]], [["-v"]]])("prints the package version for %j", async (argv) => {
    expect(await cli(argv)).toEqual({ code: 0, stdout: `cartwright ${VERSION}\n`, stderr: "" })
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/)
  })
})
