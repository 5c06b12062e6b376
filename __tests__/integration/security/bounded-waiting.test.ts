import { createCartModule } from "../../../src/module/create-cart-module"
import type { CartModule } from "../../../src/module/create-cart-module"
import type { CartModuleOptions } from "../../../src/module/options"
import { CartModuleError } from "../../../src/errors/cart-module-error"
import { createTestDatabase, withPgClient } from "../../support/test-database"
import type { TestDatabase } from "../../support/test-database"
import { waitForLockWaiters } from "../../support/lock-waiters"

jest.setTimeout(120_000)

let database: TestDatabase
const modules: CartModule[] = []
const quiet = { warn: () => undefined, error: () => undefined }

/** A module on the shared database, closed after the file; `pool` sizes its connection pool when given. */
async function start(options: Omit<CartModuleOptions, "database"> = {}, pool?: { min: number; max: number }): Promise<CartModule> {
  const module = await createCartModule({ logger: quiet, ...options, database: { clientUrl: database.url, ...(pool ? { pool } : {}) } })
  modules.push(module)
  return module
}

beforeAll(async () => {
  database = await createTestDatabase()
  const migrator = await createCartModule({ database: { clientUrl: database.url } })
  await migrator.migrate()
  await migrator.close()
})
afterAll(async () => {
  for (const module of modules) await module.close()
  await database.drop()
})

const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )

async function typeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const outcome = await settle(promise)
  if (!("error" in outcome)) return undefined
  return CartModuleError.is(outcome.error) ? outcome.error.type : `untyped: ${String(outcome.error)}`
}

describe("bounded waiting", () => {
  it("waiters on one cart never starve writes to other carts of pool connections (pool of 3)", async () => {
    const module = await start({ timeouts: { lockMs: 60_000 } }, { min: 0, max: 3 })
    const service = module.service
    const [a, b] = await service.createCarts([{ currency_code: "usd" }, { currency_code: "usd" }])
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let locked!: () => void
    const hasLock = new Promise<void>((resolve) => (locked = resolve))
    const holder = service.transaction(async (ctx) => {
      await service.updateCarts(a!.id, { email: "holder@example.com" }, ctx)
      locked()
      await held
    })
    // The waiters start only once the holder has the cart's lock: a one-statement write is quick enough
    // to finish before the holder's BEGIN, SAVEPOINT and UPDATE would otherwise have taken it.
    await hasLock
    const waiters = [1, 2, 3, 4].map((i) => settle(service.addLineItems(a!.id, [{ title: `W${i}`, quantity: 1, unit_price: 1 }])))
    await waitForLockWaiters(database.url)
    let waitersDone = false
    void Promise.all(waiters).then(() => (waitersDone = true))
    // Each of these needs a connection while four callers queue on cart A and one holds it.
    await service.updateCarts(b!.id, { email: "b@example.com" })
    await service.addLineItems(b!.id, [{ title: "B", quantity: 1, unit_price: 1 }])
    expect(await service.listLineItems({ cart_id: b!.id })).toHaveLength(1)
    expect(waitersDone).toBe(false)
    release()
    await holder
    const outcomes = await Promise.all(waiters)
    expect(outcomes.every((outcome) => "value" in outcome)).toBe(true)
    expect(await service.listLineItems({ cart_id: a!.id })).toHaveLength(4)
  })

  it("a lock held longer than timeouts.lockMs ends in a typed conflict naming the option", async () => {
    const module = await start({ timeouts: { lockMs: 400 } })
    const cart = await module.service.createCarts({ currency_code: "usd" })
    await withPgClient(database.url, async (client) => {
      await client.query("BEGIN")
      await client.query("SELECT id FROM cart WHERE id = $1 FOR UPDATE", [cart.id])
      const outcome = await settle(module.service.addLineItems(cart.id, [{ title: "X", quantity: 1, unit_price: 1 }]))
      await client.query("ROLLBACK")
      expect("error" in outcome && CartModuleError.is(outcome.error) && outcome.error.type).toBe("conflict")
      expect("error" in outcome && (outcome.error as Error).message).toMatch(/timeouts\.lockMs/)
    })
  })

  it("a statement running past timeouts.statementMs ends in a typed unexpected_state", async () => {
    const module = await start({ timeouts: { statementMs: 100, lockMs: 10_000 } })
    const cart = await modules[0]!.service.createCarts({ currency_code: "usd" })
    await withPgClient(database.url, async (client) => {
      await client.query("BEGIN")
      await client.query("SELECT id FROM cart WHERE id = $1 FOR UPDATE", [cart.id])
      const type = await typeOf(module.service.updateCarts(cart.id, { email: "x@example.com" }))
      await client.query("ROLLBACK")
      expect(type).toBe("unexpected_state")
    })
  })

  it("waiting longer than timeouts.acquireMs for a pooled connection ends in a typed unexpected_state", async () => {
    const module = await start({ timeouts: { acquireMs: 300 } }, { min: 0, max: 1 })
    const type = await module.service.transaction(async () => typeOf(module.service.listCarts()))
    expect(type).toBe("unexpected_state")
  })

  it("sets the statement timeout on the module's connections", async () => {
    const module = await start({ timeouts: { statementMs: 4321 } })
    const result = (await module.orm.em.getKnex().raw("SHOW statement_timeout")) as { rows: { statement_timeout: string }[] }
    expect(result.rows[0]!.statement_timeout).toBe("4321ms")
  })
})
