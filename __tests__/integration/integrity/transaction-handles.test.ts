import type { Knex } from "@mikro-orm/postgresql"
import { useCartModule } from "../../support/cart-module-fixture"
import type { CartContext } from "../../../src/persistence/unit-of-work"
import { query } from "../../../src/persistence/db"
import { PooledTransaction } from "../../../src/persistence/pooled-transaction"
import { holdCartLock, waitForLockWaiters } from "../../support/lock-waiters"
import { countStatements } from "../../support/statement-counter"

// Statements of a joined call run straight on the transaction's connection, and `service.transaction()`
// opens its own transaction on a pooled connection: neither goes through a knex transaction object.
// These pin what that must keep: no statement after the end, query events, savepoints, statement counts.

const fixture = useCartModule()

interface Heard {
  readonly sql: string
  readonly __knexTxId?: string
}

async function listening<T>(block: () => Promise<T>): Promise<Heard[]> {
  const knex = fixture.module.orm.em.getKnex()
  const heard: Heard[] = []
  const onQuery = (data: Heard) => void heard.push(data)
  knex.on("query", onQuery)
  try {
    await block()
  } finally {
    knex.off("query", onQuery)
  }
  return heard
}

describe("the handle service.transaction() passes as transactionManager", () => {
  it("refuses a call made with it after the transaction committed, and writes nothing", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", email: "before@example.com" })
    let kept: CartContext | undefined
    await fixture.service.transaction(async (ctx) => {
      kept = ctx
    })
    await expect(fixture.service.updateCarts(cart.id, { email: "after@example.com" }, kept)).rejects.toMatchObject({
      type: "unexpected_state",
      message: "The transaction this call was given has already ended",
    })
    await expect(fixture.service.retrieveCart(cart.id, {}, kept)).rejects.toMatchObject({ type: "unexpected_state" })
    expect((await fixture.service.retrieveCart(cart.id)).email).toBe("before@example.com")
  })

  it("refuses a call still running when the work returned, rather than run it outside the transaction", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", email: "before@example.com" })
    let late: Promise<unknown> | undefined
    await fixture.service.transaction(async (ctx) => {
      // Not awaited: the work returns first, so the call reaches the connection after COMMIT was sent.
      late = Promise.resolve().then(() => fixture.service.updateCarts(cart.id, { email: "late@example.com" }, ctx))
    })
    await expect(late).rejects.toMatchObject({ type: "unexpected_state" })
    expect((await fixture.service.retrieveCart(cart.id)).email).toBe("before@example.com")
  })

  it("reports its statements as knex query events carrying one transaction id, BEGIN to COMMIT", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const heard = await listening(() =>
      fixture.service.transaction(async (ctx) => {
        await fixture.service.lockCart(cart.id, ctx)
        await fixture.service.updateCarts(cart.id, { email: "heard@example.com" }, ctx)
      }),
    )
    expect(heard[0]?.sql).toBe("BEGIN")
    expect(heard[heard.length - 1]?.sql).toBe("COMMIT")
    const ids = new Set(heard.map((event) => event.__knexTxId))
    expect(ids.size).toBe(1)
    expect([...ids][0]).toMatch(/^cartwright_trx\d+$/)
  })

  it("takes the lock, reads and writes a line in 5 statements, as bare pg would: the first call takes no savepoint", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "A", quantity: 1, unit_price: 1 }] })
    const itemId = cart.items![0]!.id
    const { statements } = await countStatements(() =>
      fixture.service.transaction(async (ctx) => {
        await fixture.service.lockCart(cart.id, ctx)
        const item = await fixture.service.retrieveLineItem(itemId, { select: ["id", "quantity"] }, ctx)
        await fixture.service.updateLineItems(itemId, { quantity: Number(item.quantity) + 1 }, ctx)
      }),
    )
    expect(statements.map((sql) => sql.split(/\s/)[0])).toEqual(["BEGIN", "SELECT", "SELECT", "WITH", "COMMIT"])
    expect((await fixture.service.retrieveLineItem(itemId)).quantity).toEqual(2)
  })
})

describe("a transaction cartwright opens itself", () => {
  it("fails, rather than report a commit, when a failed statement's error was caught and PostgreSQL rolled it back", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", email: "before@example.com" })
    const knex = fixture.module.orm.em.getKnex()
    await expect(
      PooledTransaction.run(knex, async (trx) => {
        await query(trx, "UPDATE cart SET email = 'kept@example.com' WHERE id = ?", [cart.id])
        await query(trx, "SELECT 1 / 0").catch(() => undefined)
      }),
    ).rejects.toMatchObject({
      type: "unexpected_state",
      message: "The transaction was rolled back: a statement in it failed, so nothing it wrote was kept",
    })
    expect((await fixture.service.retrieveCart(cart.id)).email).toBe("before@example.com")
  })
})

describe("the first call in a service.transaction, which takes no savepoint", () => {
  it("undoes its writes by restarting the transaction when it fails, and the transaction goes on", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "A", quantity: 1, unit_price: 1 }] })
    const item = cart.items![0]!.id
    await fixture.service.setLineItemTaxLines(cart.id, [{ item_id: item, code: "VAT", rate: 20 }])
    const { statements } = await countStatements(() =>
      fixture.service.transaction(async (ctx) => {
        // Removes the VAT line, then fails on the unknown id: the restart takes the removal back.
        await expect(
          fixture.service.setLineItemTaxLines(cart.id, [{ id: "calitxl_missing", item_id: item, code: "GST", rate: 5 }], ctx),
        ).rejects.toMatchObject({ type: "not_found" })
        // The second call finds the transaction touched by nothing and is again the first: it runs bare too.
        await fixture.service.updateCarts(cart.id, { email: "after@example.com" }, ctx)
      }),
    )
    expect(statements.filter((sql) => /^ROLLBACK; BEGIN$/.test(sql))).toHaveLength(1)
    expect(statements.filter((sql) => /SAVEPOINT/.test(sql))).toEqual([])
    expect((await fixture.service.listLineItemTaxLines({ item_id: item })).map((line) => line.code)).toEqual(["VAT"])
    expect((await fixture.service.retrieveCart(cart.id)).email).toBe("after@example.com")
  })

  it("waits for a busy cart's lock through its probes, restarting between them, then writes", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", email: "before@example.com" })
    const holder = await holdCartLock(fixture.service, (ctx) => fixture.service.lockCart(cart.id, ctx))
    const counted = countStatements(() =>
      fixture.service.transaction(async (ctx) => {
        await fixture.service.lockCart(cart.id, ctx)
        await fixture.service.updateCarts(cart.id, { email: "waited@example.com" }, ctx)
      }),
    )
    await waitForLockWaiters(fixture.database.url)
    // Longer than one lock probe (200 ms): at least one probe expires and the transaction restarts.
    await new Promise((resolve) => setTimeout(resolve, 450))
    await holder.release()
    const { statements } = await counted
    expect(statements.filter((sql) => /^ROLLBACK; BEGIN$/.test(sql)).length).toBeGreaterThanOrEqual(1)
    expect((await fixture.service.retrieveCart(cart.id)).email).toBe("waited@example.com")
  })
})

describe("a host's knex transaction", () => {
  it("hears the statements of a joined call as its own query events, with its transaction id", async () => {
    const knex = fixture.module.orm.em.getKnex()
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const heard: Heard[] = []
    let txid: string | undefined
    await knex.transaction(async (trx: Knex.Transaction) => {
      trx.on("query", (data: Heard) => void heard.push(data))
      await trx.raw("SELECT 1")
      txid = heard[0]?.__knexTxId
      await fixture.service.updateCarts(cart.id, { email: "joined@example.com" }, { transactionManager: trx })
    })
    expect(txid).toMatch(/^trx\d+$/)
    // Ours (the savepoint, the lock, the write, its release), then knex's own COMMIT.
    expect(heard.slice(1).map((event) => event.sql.split(/\s/)[0])).toEqual(["SAVEPOINT", "WITH", "WITH", "RELEASE", "COMMIT;"])
    expect(heard.every((event) => event.__knexTxId === txid)).toBe(true)
    expect((await fixture.service.retrieveCart(cart.id)).email).toBe("joined@example.com")
  })

  it("refuses a call made with it after it ended", async () => {
    const knex = fixture.module.orm.em.getKnex()
    const cart = await fixture.service.createCarts({ currency_code: "usd", email: "before@example.com" })
    const trx = await knex.transaction()
    await trx.commit()
    await expect(fixture.service.updateCarts(cart.id, { email: "after@example.com" }, { transactionManager: trx })).rejects.toMatchObject({
      type: "unexpected_state",
      message: "The transaction this call was given has already ended",
    })
    expect((await fixture.service.retrieveCart(cart.id)).email).toBe("before@example.com")
  })

  it("stays usable after a joined call failed, without that call's writes", async () => {
    const knex = fixture.module.orm.em.getKnex()
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "A", quantity: 1, unit_price: 1 }] })
    const item = cart.items![0]!.id
    await fixture.service.setLineItemTaxLines(cart.id, [{ item_id: item, code: "VAT", rate: 20 }])
    await knex.transaction(async (trx: Knex.Transaction) => {
      const ctx = { transactionManager: trx }
      // Removes the VAT line, then fails on the unknown id: the savepoint takes the removal back.
      await expect(
        fixture.service.setLineItemTaxLines(cart.id, [{ id: "calitxl_missing", item_id: item, code: "GST", rate: 5 }], ctx),
      ).rejects.toMatchObject({ type: "not_found" })
      await fixture.service.updateCarts(cart.id, { email: "after@example.com" }, ctx)
    })
    expect((await fixture.service.listLineItemTaxLines({ item_id: item })).map((line) => line.code)).toEqual(["VAT"])
    expect((await fixture.service.retrieveCart(cart.id)).email).toBe("after@example.com")
  })
})
