import { useCartModule } from "../../support/cart-module-fixture"
import { holdCartLock } from "../../support/lock-waiters"

// Statements sent straight to a pooled connection (reads, one-statement writes) bypass knex's runner;
// a host listening to knex's query events (a query log, metrics) must still hear them as knex's own.

// A short lock budget: a write queued behind a held lock fails its probe, at the database, within a test's time.
const fixture = useCartModule({ timeouts: { lockMs: 300 } })

interface Heard {
  readonly name: string
  readonly data: { sql: string; bindings: unknown[]; __knexQueryUid: string; __knexUid?: string; __knexTxId?: string }
  readonly outcome?: unknown
}

async function listening<T>(block: () => Promise<T>): Promise<Heard[]> {
  const knex = fixture.module.orm.em.getKnex()
  const heard: Heard[] = []
  const onQuery = (data: Heard["data"]) => void heard.push({ name: "query", data })
  const onResponse = (outcome: unknown, data: Heard["data"]) => void heard.push({ name: "query-response", data, outcome })
  const onError = (outcome: unknown, data: Heard["data"]) => void heard.push({ name: "query-error", data, outcome })
  knex.on("query", onQuery).on("query-response", onResponse).on("query-error", onError)
  try {
    await block()
  } finally {
    knex.off("query", onQuery).off("query-response", onResponse).off("query-error", onError)
  }
  return heard
}

describe("knex's query events for pooled statements", () => {
  it("reports a one-statement write as query then query-response, with the driver's result", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const heard = await listening(() => fixture.service.updateCarts(cart.id, { email: "heard@example.com" }))
    expect(heard.map((event) => event.name)).toEqual(["query", "query-response"])
    const [query, response] = heard
    expect(query!.data).toMatchObject({ method: "raw", sql: expect.stringMatching(/^UPDATE cart SET .* WHERE id = \$\d+/) })
    expect(query!.data.bindings).toContain(cart.id)
    expect(query!.data.__knexTxId).toBeUndefined()
    expect(typeof query!.data.__knexUid).toBe("string")
    expect(response!.data).toBe(query!.data)
    expect(response!.outcome).toMatchObject({ rows: [expect.objectContaining({ id: cart.id, email: "heard@example.com" })] })
  })

  it("reports a pooled statement the database refused as query-error, with the driver's error", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    // Another transaction holds the cart's lock: the one-statement insert waits for it until its lock probe
    // expires, which PostgreSQL reports as an error (lock_timeout) on the pooled connection.
    const holder = await holdCartLock(fixture.service, (ctx) => fixture.service.lockCart(cart.id, ctx))
    const heard = await listening(() =>
      expect(fixture.service.addLineItems(cart.id, [{ title: "Late", quantity: 1, unit_price: 1 }])).rejects.toMatchObject({
        type: "conflict",
      }),
    )
    await holder.release()
    const failed = heard.find((event) => event.name === "query-error")
    expect(failed?.outcome).toBeInstanceOf(Error)
    expect(failed?.data.__knexTxId).toBeUndefined()
    const asked = heard.find((event) => event.name === "query" && event.data.__knexQueryUid === failed?.data.__knexQueryUid)
    expect(asked?.data.sql).toMatch(/INSERT INTO "cart_line_item"/)
    expect(heard.filter((event) => event.name === "query-response" && event.data.__knexQueryUid === failed?.data.__knexQueryUid)).toEqual(
      [],
    )
  })

  it("reports a read once per statement, each response tied to its query", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const heard = await listening(() => fixture.service.retrieveCart(cart.id))
    const queries = heard.filter((event) => event.name === "query").map((event) => event.data.__knexQueryUid)
    const responses = heard.filter((event) => event.name === "query-response").map((event) => event.data.__knexQueryUid)
    expect(queries.length).toBeGreaterThan(0)
    expect(responses).toEqual(queries)
    expect(new Set(queries).size).toBe(queries.length)
  })
})
