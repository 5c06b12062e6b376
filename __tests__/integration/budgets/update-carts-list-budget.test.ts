import { useCartModule } from "../../support/cart-module-fixture"
import { countStatements } from "../../support/statement-counter"

const fixture = useCartModule()

beforeAll(async () => {
  // The first connection runs knex's one-off `select version()`; keep it out of the measurements.
  await fixture.service.listCarts({}, { select: ["id"], take: 1 })
})

async function carts(count: number): Promise<string[]> {
  const created = await fixture.service.createCarts(Array.from({ length: count }, () => ({ currency_code: "usd" })))
  return created.map((cart) => cart.id)
}

describe("updateCarts with a list", () => {
  it("updates many carts, each with its own data, in 4 statements: BEGIN, one lock, one UPDATE, COMMIT", async () => {
    const ids = await carts(8)
    const { count, statements, result } = await countStatements(() =>
      fixture.service.updateCarts(ids.map((id, index) => ({ id, email: `c${index}@example.com`, metadata: { n: index } }))),
    )
    expect({ count, statements }).toMatchObject({ count: 4 })
    expect(result.map((cart) => cart.email)).toEqual(ids.map((_, index) => `c${index}@example.com`))
  })

  it("adds one statement per distinct set of fields, not per cart", async () => {
    const ids = await carts(6)
    const { count } = await countStatements(() =>
      fixture.service.updateCarts(ids.map((id, index) => (index % 2 ? { id, email: `c${index}@example.com` } : { id, locale: "fr-FR" }))),
    )
    expect(count).toBe(5)
  })
})
