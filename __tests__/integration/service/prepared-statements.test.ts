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
