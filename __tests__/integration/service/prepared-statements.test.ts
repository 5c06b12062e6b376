import { useCartModule } from "../../support/cart-module-fixture"

// Reads and one-statement writes run as named prepared statements (issue #10): planning their long
// CTEs took longer than executing them. Each connection prepares a statement once and reuses it.

const fixture = useCartModule()

async function preparedOnEveryConnection(): Promise<string[]> {
  // One transaction pins one pooled connection: what it lists is what that connection prepared.
  return fixture.module.orm.em.getKnex().transaction(async (trx) => {
    const { rows } = (await trx.raw("SELECT statement FROM pg_prepared_statements WHERE name LIKE 'cartwright_%'")) as {
      rows: { statement: string }[]
    }
    return rows.map((row) => row.statement)
  })
}

describe("prepared statements", () => {
  it("prepares a cart read and a quantity update, and answers the same when they are reused", async () => {
    const s = fixture.module.service
    const cart = await s.createCarts({ currency_code: "usd", items: [{ title: "a", quantity: 1, unit_price: "1.10" }] })
    const itemId = cart.items![0]!.id
    // Pool connections are opened on demand; a call at a time keeps reusing the same one.
    for (let quantity = 2; quantity <= 4; quantity++) {
      await s.updateLineItems(itemId, { quantity })
      const read = await s.retrieveCart(cart.id, { relations: ["items"] })
      expect(Number(read.items![0]!.quantity)).toBe(quantity)
      expect(read.total!.toJSON()).toBeCloseTo(1.1 * quantity)
    }
    const statements = await preparedOnEveryConnection()
    expect(statements.some((sql) => /json_build_object/.test(sql))).toBe(true)
    expect(statements.some((sql) => /UPDATE "cart_line_item"/.test(sql))).toBe(true)
  })
})

describe("database.preparedStatements: false (for poolers that move transactions between server connections)", () => {
  const unprepared = useCartModule({ database: { preparedStatements: false, pool: { min: 1, max: 1 } } })

  it("prepares nothing, reads and writes the same", async () => {
    const s = unprepared.module.service
    const cart = await s.createCarts({ currency_code: "usd", items: [{ title: "a", quantity: 1, unit_price: "1.10" }] })
    await s.updateLineItems(cart.items![0]!.id, { quantity: 3 })
    const read = await s.retrieveCart(cart.id, { relations: ["items"] })
    expect(read.total!.toJSON()).toBeCloseTo(3.3)
    // One pooled connection: whatever the calls above prepared, it would list.
    const { rows } = (await unprepared.module.orm.em
      .getKnex()
      .raw("SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'cartwright_%'")) as { rows: { n: number }[] }
    expect(rows[0]!.n).toBe(0)
  })
})

describe("single-line writes reuse one plan (generic plans)", () => {
  // One pooled connection, so every statement below is prepared, planned and counted on it.
  const single = useCartModule({ database: { pool: { min: 1, max: 1 } } })

  it("deletes and updates lines by one id with PostgreSQL's generic plan once tables are analysed", async () => {
    const s = single.module.service
    const knex = single.module.orm.em.getKnex()
    const carts = await s.createCarts(
      Array.from({ length: 10 }, () => ({
        currency_code: "usd",
        items: [1, 2].map((quantity) => ({ title: "a", quantity, unit_price: "2.00" })),
      })),
    )
    // Lines of another cart, so the table is the size of a shop's: with statistics on a table this big, the plan
    // PostgreSQL makes for an id array's actual length is priced under the generic plan's guess of ten elements,
    // and an array-shaped statement was planned anew on every call (0 generic plans in 10 calls).
    const [filler] = await s.createCarts([{ currency_code: "usd" }])
    await knex.raw(
      "INSERT INTO cart_line_item (id, cart_id, title, quantity, unit_price, raw_unit_price) " +
        "SELECT 'cali_filler_' || g, ?, 'filler', 1, 1, '{\"value\": \"1\", \"precision\": 20}' FROM generate_series(1, 3000) g",
      [filler!.id],
    )
    await knex.raw("ANALYZE")
    for (const cart of carts) {
      await s.updateLineItems(cart.items![0]!.id, { quantity: 9 })
      await s.deleteLineItems(cart.items![1]!.id)
    }
    const { rows } = (await knex.raw(
      "SELECT statement, generic_plans::int AS generic FROM pg_prepared_statements WHERE name LIKE 'cartwright_%'",
    )) as { rows: { statement: string; generic: number }[] }
    const planOf = (pattern: RegExp) => rows.find((row) => pattern.test(row.statement))
    // Ten calls each: five custom plans while PostgreSQL compares, then the generic plan each time.
    expect(planOf(/DELETE FROM "cart_line_item"/)?.generic).toBeGreaterThanOrEqual(4)
    expect(planOf(/UPDATE "cart_line_item"/)?.generic).toBeGreaterThanOrEqual(4)
    const remaining = await s.listLineItems({ cart_id: carts.map((cart) => cart.id) })
    expect(remaining.map((line) => Number(line.quantity))).toEqual(Array(10).fill(9))
  })
})
