import { runCli } from "../../../src/cli/run-cli"
import type { PurgeBatchProgress } from "../../../src/validation/purge-options"
import { useCartModule } from "../../support/cart-module-fixture"
import { withPgClient } from "../../support/test-database"

const fixture = useCartModule()

beforeEach(() => fixture.events.clear())

function sql<R = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
  return withPgClient(fixture.database.url, async (client) => (await client.query<R>(text, params)).rows)
}

/**
 * Inserts `count` carts last active `daysAgo` days ago, each with one line item, in two statements
 * (the activity trigger fires on UPDATE only, so the back-dated value stays).
 */
async function insertInactiveCarts(prefix: string, count: number, daysAgo = 40, completed = false): Promise<void> {
  await sql(
    `INSERT INTO cart (id, currency_code, last_active_at, completed_at)
     SELECT $1 || lpad(g::text, 6, '0'), 'usd', now() - make_interval(days => $3), CASE WHEN $4 THEN now() END
     FROM generate_series(1, $2) g`,
    [prefix, count, daysAgo, completed],
  )
  await sql(
    `INSERT INTO cart_line_item (id, cart_id, title, quantity, unit_price, raw_unit_price)
     SELECT 'cali_' || c.id, c.id, 'Old tee', 1, 10, '{"value":"10","precision":20}'::jsonb FROM cart c WHERE c.id LIKE $1 || '%'`,
    [prefix],
  )
}

async function countLike(table: string, column: string, prefix: string, live = true): Promise<number> {
  const [row] = await sql<{ n: string }>(
    `SELECT count(*) AS n FROM ${table} WHERE ${column} LIKE $1 || '%'${live ? " AND deleted_at IS NULL" : ""}`,
    [prefix],
  )
  return Number(row!.n)
}

describe("purgeCarts", () => {
  it("purges 10,000 inactive carts in batches while active carts are written, never waiting on a held cart", async () => {
    await insertInactiveCarts("cart_old", 10_000)
    const active = await Promise.all(
      Array.from({ length: 4 }, () =>
        fixture.service.createCarts({ currency_code: "usd", items: [{ title: "New tee", quantity: 1, unit_price: 20 }] }),
      ),
    )
    // An inactive cart a writer holds for the whole purge: the purge must pass over it, not wait.
    await insertInactiveCarts("cart_held", 1)
    let releaseHeld!: () => void
    const held = new Promise<void>((resolve) => (releaseHeld = resolve))
    let heldLocked!: () => void
    const locked = new Promise<void>((resolve) => (heldLocked = resolve))
    const holder = fixture.service.transaction(async (ctx) => {
      await fixture.service.lockCart("cart_held000001", ctx)
      heldLocked()
      await held
    })
    await locked

    const batches: PurgeBatchProgress[] = []
    let purging = true
    let writes = 0
    const writers = active.map(async (cart) => {
      // Keeps writing until the purge is over (at least twice each), so writes overlap its batches.
      for (let round = 0; purging || round < 2; round++) {
        await fixture.service.addLineItems(cart.id, [{ title: `Sock ${round}`, quantity: 1, unit_price: 5 }])
        writes += 1
      }
    })
    const result = await fixture.service
      .purgeCarts({ inactiveFor: "30d", batchSize: 500, onBatch: (progress) => batches.push(progress) })
      .finally(() => {
        purging = false
        releaseHeld()
      })
    await Promise.all([...writers, holder])

    expect(result).toMatchObject({ mode: "hard", dryRun: false, carts: 10_000, batches: 20 })
    expect(batches).toHaveLength(20)
    expect(batches.every((batch) => batch.carts === 500)).toBe(true)
    expect(batches.at(-1)).toEqual({ batch: 20, carts: 500, total: 10_000 })
    expect(await countLike("cart", "id", "cart_old", false)).toBe(0)
    expect(await countLike("cart_line_item", "cart_id", "cart_old", false)).toBe(0)
    expect(await countLike("cart", "id", "cart_held")).toBe(1)
    expect(writes).toBeGreaterThanOrEqual(8)
    const survivors = await fixture.service.listCarts({ id: active.map((cart) => cart.id) }, { relations: ["items"] })
    expect(survivors).toHaveLength(4)
    const itemCount = survivors.reduce((sum, cart) => sum + (cart.items?.length ?? 0), 0)
    expect(itemCount).toBe(4 + writes)
    const deletedEvents = fixture.events.events.filter((event) => event.name === "cart.deleted")
    expect(deletedEvents).toHaveLength(10_000)
    expect(deletedEvents.every((event) => event.data.id.startsWith("cart_old"))).toBe(true)
    await fixture.service.deleteCarts("cart_held000001")
  }, 300_000)

  it("a dry run counts the candidates and changes nothing", async () => {
    await insertInactiveCarts("cart_dry", 12)
    const result = await fixture.service.purgeCarts({ inactiveFor: "30d", batchSize: 5, dryRun: true })
    expect(result).toMatchObject({ dryRun: true, carts: 12, batches: 3 })
    expect(await countLike("cart", "id", "cart_dry")).toBe(12)
    expect(fixture.events.events).toEqual([])
    await fixture.service.deleteCarts(Array.from({ length: 12 }, (_, i) => `cart_dry${String(i + 1).padStart(6, "0")}`))
  })

  it("keeps carts active within the period and completed carts unless includeCompleted", async () => {
    await insertInactiveCarts("cart_recent", 3, 10)
    await insertInactiveCarts("cart_done", 2, 40, true)
    expect((await fixture.service.purgeCarts({ inactiveFor: "30d" })).carts).toBe(0)
    expect(await countLike("cart", "id", "cart_done")).toBe(2)
    expect((await fixture.service.purgeCarts({ inactiveFor: 30 * 86_400_000, includeCompleted: true })).carts).toBe(2)
    expect(await countLike("cart", "id", "cart_done", false)).toBe(0)
    expect((await fixture.service.purgeCarts({ inactiveFor: "1w" })).carts).toBe(3)
  })

  it("soft mode soft-deletes the carts with their children, restorable, in batches", async () => {
    await insertInactiveCarts("cart_soft", 30)
    const batches: number[] = []
    const result = await fixture.service.purgeCarts({
      inactiveFor: "720h",
      mode: "soft",
      batchSize: 7,
      onBatch: (b) => batches.push(b.carts),
    })
    expect(result).toMatchObject({ mode: "soft", carts: 30, batches: 5 })
    expect(batches).toEqual([7, 7, 7, 7, 2])
    expect(await countLike("cart", "id", "cart_soft")).toBe(0)
    expect(await countLike("cart", "id", "cart_soft", false)).toBe(30)
    expect(await countLike("cart_line_item", "cart_id", "cart_soft")).toBe(0)
    await fixture.service.restoreCarts("cart_soft000001")
    const restored = await fixture.service.retrieveCart("cart_soft000001", { relations: ["items"] })
    expect(restored.items).toHaveLength(1)
    // Restoring counts as activity, and the soft-deleted carts are not taken again.
    expect((await fixture.service.purgeCarts({ inactiveFor: "30d", mode: "soft" })).carts).toBe(0)
  })

  it.each([
    [{ inactiveFor: "30 days" }, "inactiveFor"],
    [{ inactiveFor: "0d" }, "inactiveFor"],
    [{ inactiveFor: -5 }, "inactiveFor"],
    [{}, "inactiveFor"],
    [{ inactiveFor: "30d", batchSize: 0 }, "batchSize"],
    [{ inactiveFor: "30d", batchSize: 10_001 }, "batchSize"],
    [{ inactiveFor: "30d", batchSize: 2.5 }, "batchSize"],
    [{ inactiveFor: "30d", mode: "archive" }, "mode"],
    [{ inactiveFor: "30d", dryRun: "yes" }, "dryRun"],
  ])("refuses %j with invalid_data on %s and deletes nothing", async (options, path) => {
    await insertInactiveCarts("cart_bad", 1)
    const refused = fixture.service.purgeCarts(options as never)
    await expect(refused).rejects.toMatchObject({ type: "invalid_data", issues: [expect.objectContaining({ path: [path] })] })
    expect(await countLike("cart", "id", "cart_bad")).toBe(1)
    await fixture.service.deleteCarts("cart_bad000001")
  })
})

describe("cartwright purge", () => {
  async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = ""
    let stderr = ""
    const io = {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: { DATABASE_URL: fixture.database.url },
    }
    const code = await runCli(argv, io)
    return { code, stdout, stderr }
  }

  it("--dry-run reports the count and changes nothing; then purges with one line per batch", async () => {
    await insertInactiveCarts("cart_cli", 25)
    const dry = await cli(["purge", "--inactive-for", "30d", "--batch-size", "10", "--dry-run"])
    expect(dry).toMatchObject({ code: 0, stderr: "" })
    expect(dry.stdout).toMatch(/^Dry run: 25 carts inactive since \S+ would be deleted in 3 batches; nothing was changed\.\n$/)
    expect(await countLike("cart", "id", "cart_cli")).toBe(25)

    const run = await cli(["purge", "--inactive-for=30d", "--batch-size=10", "--soft"])
    expect(run).toMatchObject({ code: 0, stderr: "" })
    expect(run.stdout.split("\n").slice(0, 3)).toEqual([
      "batch 1: 10 carts soft-deleted (10 so far)",
      "batch 2: 10 carts soft-deleted (20 so far)",
      "batch 3: 5 carts soft-deleted (25 so far)",
    ])
    expect(run.stdout).toMatch(/Purged: 25 carts inactive since \S+ soft-deleted in 3 batches\.\n$/)
    expect(await countLike("cart", "id", "cart_cli")).toBe(0)
  })

  it.each([
    [["purge"], "purge needs --inactive-for"],
    [["purge", "--inactive-for", "soon"], "--inactive-for must be a duration"],
    [["purge", "--inactive-for", "30d", "--batch-size", "0"], "--batch-size must be a whole number"],
    [["purge", "--inactive-for", "30d", "--force"], "unexpected argument for purge: --force"],
  ])("%j is a usage error", async (argv, message) => {
    const run = await cli(argv)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stderr).toContain("Usage: cartwright purge")
  })

  it("--help prints the purge help", async () => {
    const run = await cli(["purge", "--help"])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain("--inactive-for <d>")
  })
})
