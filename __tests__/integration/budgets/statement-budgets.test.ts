import { useCartModule } from "../../support/cart-module-fixture"
import { countStatements, isSamePgAsKnex } from "../../support/statement-counter"
import type { CountedStatements } from "../../support/statement-counter"

// Budgets from SPEC §9: statements are counted at the driver, so they are deterministic where
// timings are not. A failing budget means a regression in the SQL the module sends.
const MAX_ANY = 6

const fixture = useCartModule()

beforeAll(async () => {
  // The first connection runs knex's one-off `select version()`; keep it out of the measurements.
  await fixture.service.listCarts({}, { select: ["id"], take: 1 })
})

/** Counts `block`'s statements and fails with the SQL listed when over budget. */
async function withinBudget<T>(budget: number, block: () => Promise<T>): Promise<CountedStatements<T>> {
  const counted = await countStatements(block)
  if (counted.count > budget) {
    throw new Error(
      `expected ≤ ${budget} statements, got ${counted.count}:\n${counted.statements.map((s) => `  ${s.replace(/\s+/g, " ").slice(0, 200)}`).join("\n")}`,
    )
  }
  expect(counted.count).toBeGreaterThan(0)
  expect(counted.count).toBeLessThanOrEqual(Math.min(budget, MAX_ANY))
  return counted
}

function items(count: number) {
  return Array.from({ length: count }, (_, i) => ({ title: `Item ${i}`, quantity: 1 + (i % 3), unit_price: `${10 + i}.99` }))
}

/** A cart with `size` items, each with a tax line and an adjustment, plus a taxed shipping method. */
async function aFullCart(size: number): Promise<string> {
  const cart = await fixture.service.createCarts({ currency_code: "usd", shipping_address: { country_code: "us" }, items: items(size) })
  const lines = await fixture.service.listLineItems({ cart_id: cart.id }, { select: ["id"] })
  await fixture.service.setLineItemTaxLines(
    cart.id,
    lines.map((line) => ({ item_id: line.id, code: "VAT", rate: 20 })),
  )
  await fixture.service.setLineItemAdjustments(
    cart.id,
    lines.map((line) => ({ item_id: line.id, code: "SALE", amount: 1 })),
  )
  const [method] = await fixture.service.addShippingMethods(cart.id, [{ name: "Post", amount: 5 }])
  await fixture.service.setShippingMethodTaxLines(cart.id, [{ shipping_method_id: method!.id, code: "VAT", rate: 20 }])
  return cart.id
}

describe("the statement counter", () => {
  it("patches the same pg driver that the module's knex uses", () => {
    expect(isSamePgAsKnex()).toBe(true)
  })

  it("counts BEGIN and COMMIT of a write", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const { statements } = await countStatements(() => fixture.service.softDeleteCarts(cart.id))
    expect(statements[0]).toMatch(/^BEGIN/i)
    expect(statements[statements.length - 1]).toMatch(/^COMMIT/i)
  })
})

describe("reads", () => {
  it("retrieves a one-item cart with totals in at most 2 statements", async () => {
    const id = await aFullCart(1)
    const { result } = await withinBudget(2, () => fixture.service.retrieveCart(id))
    expect(result.total).toBeDefined()
  })

  it("retrieves a 200-item cart with totals in at most 2 statements", async () => {
    const id = await aFullCart(200)
    const plain = await withinBudget(2, () => fixture.service.retrieveCart(id))
    expect(plain.result.total).toBeDefined()
    const { result } = await withinBudget(2, () =>
      fixture.service.retrieveCart(id, { relations: ["items", "items.tax_lines", "items.adjustments", "shipping_methods"] }),
    )
    expect(result.items).toHaveLength(200)
    expect(result.total).toBeDefined()
  })

  it("lists and counts carts with totals in one statement", async () => {
    await aFullCart(3)
    const { result } = await withinBudget(1, () => fixture.service.listAndCountCarts({}, { take: 20 }))
    expect(result[1]).toBeGreaterThan(0)
    expect(result[0][0]?.total).toBeDefined()
  })
})

describe("writes", () => {
  let cartId: string

  beforeEach(async () => {
    cartId = await aFullCart(3)
  })

  it("creates a cart with items and an address in one statement", async () => {
    await withinBudget(1, () =>
      fixture.service.createCarts({
        currency_code: "usd",
        email: "a@example.com",
        shipping_address: { country_code: "us", city: "Austin" },
        items: items(3),
      }),
    )
  })

  it("updates a cart's email and metadata in one statement", async () => {
    const { result } = await withinBudget(1, () => fixture.service.updateCarts(cartId, { email: "one@example.com", metadata: { a: 1 } }))
    expect(result.email).toBe("one@example.com")
  })

  it("adds line items in one statement (no BEGIN/COMMIT)", async () => {
    await withinBudget(1, () => fixture.service.addLineItems(cartId, items(2)))
  })

  it("updates a quantity in one statement", async () => {
    const [line] = await fixture.service.listLineItems({ cart_id: cartId }, { select: ["id"] })
    const { result } = await withinBudget(1, () => fixture.service.updateLineItems(line!.id, { quantity: 7 }))
    expect(Number(result.quantity)).toBe(7)
  })

  it("adds a shipping method in one statement", async () => {
    await withinBudget(1, () => fixture.service.addShippingMethods(cartId, [{ name: "Express", amount: 12 }]))
  })

  it("sets line item tax lines in one statement", async () => {
    const lines = await fixture.service.listLineItems({ cart_id: cartId }, { select: ["id"] })
    await withinBudget(1, () =>
      fixture.service.setLineItemTaxLines(
        cartId,
        lines.flatMap((line) => [
          { item_id: line.id, code: "STATE", rate: 6 },
          { item_id: line.id, code: "CITY", rate: 2 },
        ]),
      ),
    )
  })

  it("sets line item adjustments in one statement", async () => {
    const lines = await fixture.service.listLineItems({ cart_id: cartId }, { select: ["id"] })
    await withinBudget(1, () =>
      fixture.service.setLineItemAdjustments(
        cartId,
        lines.map((line) => ({ item_id: line.id, code: "TEN", amount: 10 })),
      ),
    )
  })

  it("sets shipping method tax lines in one statement", async () => {
    const [method] = await fixture.service.listShippingMethods({ cart_id: cartId }, { select: ["id"] })
    await withinBudget(1, () =>
      fixture.service.setShippingMethodTaxLines(cartId, [{ shipping_method_id: method!.id, code: "VAT", rate: 19 }]),
    )
  })

  it("updates many line items by id, each with its own data, without a statement per row", async () => {
    const lines = await fixture.service.listLineItems({ cart_id: cartId }, { select: ["id"] })
    const { result } = await withinBudget(4, () =>
      fixture.service.updateLineItems(lines.map((line, index) => ({ id: line.id, quantity: 10 + index, metadata: { n: index } }))),
    )
    expect(result.map((line) => Number(line.quantity))).toEqual(lines.map((_, index) => 10 + index))
    expect(result.map((line) => line.metadata)).toEqual(lines.map((_, index) => ({ n: index })))
  })

  it("re-sets existing tax lines by id in at most 6 statements, whatever their number", async () => {
    const lines = await fixture.service.listLineItems({ cart_id: cartId }, { select: ["id"] })
    const current = await fixture.service.setLineItemTaxLines(
      cartId,
      lines.map((line) => ({ item_id: line.id, code: "STATE", rate: 6 })),
    )
    const { result } = await withinBudget(6, () =>
      fixture.service.setLineItemTaxLines(
        cartId,
        current.map((line) => ({ id: line.id, item_id: line.item_id, code: "STATE", rate: 7 })),
      ),
    )
    expect(result.map((line) => line.id)).toEqual(current.map((line) => line.id))
    expect(result.map((line) => Number(line.rate))).toEqual(current.map(() => 7))
  })

  it("deletes a line item in one statement", async () => {
    const [line] = await fixture.service.listLineItems({ cart_id: cartId }, { select: ["id"] })
    await withinBudget(1, () => fixture.service.deleteLineItems(line!.id))
    expect(await fixture.service.listLineItems({ cart_id: cartId }, { select: ["id"] })).toHaveLength(2)
  })
})

describe("every other write", () => {
  let cartId: string
  let itemIds: string[]
  let methodId: string

  beforeEach(async () => {
    cartId = await aFullCart(3)
    itemIds = (await fixture.service.listLineItems({ cart_id: cartId }, { select: ["id"] })).map((line) => line.id)
    methodId = (await fixture.service.listShippingMethods({ cart_id: cartId }, { select: ["id"] }))[0]!.id
  })

  const operations: [string, () => Promise<unknown>][] = [
    [
      "updateCarts with a new shipping address",
      () => fixture.service.updateCarts(cartId, { email: "b@example.com", shipping_address: { country_code: "fr" } }),
    ],
    ["updateLineItems by selector", () => fixture.service.updateLineItems({ cart_id: cartId }, { quantity: 4 })],
    ["updateShippingMethods", () => fixture.service.updateShippingMethods([{ id: methodId, amount: 9 }])],
    [
      "addLineItemTaxLines",
      () =>
        fixture.service.addLineItemTaxLines(
          cartId,
          itemIds.map((id) => ({ item_id: id, code: "X", rate: 1 })),
        ),
    ],
    [
      "addLineItemAdjustments",
      () =>
        fixture.service.addLineItemAdjustments(
          cartId,
          itemIds.map((id) => ({ item_id: id, code: "X", amount: 1 })),
        ),
    ],
    [
      "setShippingMethodAdjustments",
      () => fixture.service.setShippingMethodAdjustments(cartId, [{ shipping_method_id: methodId, code: "FREE", amount: 5 }]),
    ],
    ["softDeleteLineItems", () => fixture.service.softDeleteLineItems(itemIds[0]!)],
    ["deleteShippingMethods", () => fixture.service.deleteShippingMethods(methodId)],
    ["softDeleteCarts", () => fixture.service.softDeleteCarts(cartId)],
    ["deleteCarts", () => fixture.service.deleteCarts(cartId)],
  ]

  it.each(operations)("%s stays within 6 statements", async (_name, operation) => {
    await withinBudget(MAX_ANY, operation)
  })

  it("updates a quantity with an expected version in one statement", async () => {
    const { version } = await fixture.service.retrieveCart(cartId, { select: ["version"] })
    const { result } = await withinBudget(1, () =>
      fixture.service.updateLineItems(itemIds[0]!, { quantity: 2 }, { expectedVersion: version }),
    )
    expect(Number(result.quantity)).toBe(2)
  })
})

describe("with limits.maxLinesPerCart set", () => {
  const limited = useCartModule({ limits: { maxLinesPerCart: 100, maxQuantity: 1000 } })

  beforeAll(async () => {
    await limited.module.service.listCarts({}, { select: ["id"], take: 1 })
  })

  it("adds line items in at most 4 statements: the line count rides on the INSERT", async () => {
    const cart = await limited.module.service.createCarts({ currency_code: "usd", items: items(2) })
    await withinBudget(4, () => limited.module.service.addLineItems(cart.id, items(2)))
  })

  it("restores a line item within 6 statements", async () => {
    const cart = await limited.module.service.createCarts({ currency_code: "usd", items: items(2) })
    const line = cart.items![0]!.id
    await limited.module.service.softDeleteLineItems(line)
    await withinBudget(MAX_ANY, () => limited.module.service.restoreLineItems(line))
  })
})
