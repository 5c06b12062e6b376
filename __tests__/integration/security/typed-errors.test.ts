import { createCartModule } from "../../../src/module/create-cart-module"
import { useCartModule } from "../../support/cart-module-fixture"
import { aCartPricedAt } from "../../support/cart-builders"
import { withPgClient } from "../../support/test-database"
import { CartModuleError } from "../../../src/errors/cart-module-error"
import type { CartEvent } from "../../../src/events/cart-events"

jest.setTimeout(120_000)

const fixture = useCartModule({ logger: { warn: () => undefined, error: (message, meta) => void logged.push({ message, meta }) } })
const logged: { message: string; meta?: Record<string, unknown> }[] = []

/** SQL or driver internals a message must never carry. */
const INTERNALS = /\b(select|insert into|update \w+ set|delete from|returning|cart_line_item|knex|pg_|TypeError|RangeError|DecimalError)\b/i

async function failure(call: () => Promise<unknown>): Promise<CartModuleError> {
  const error = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  if (!CartModuleError.is(error)) throw new Error(`expected a CartModuleError, got ${String(error)}`)
  expect(error.message).not.toMatch(INTERNALS)
  return error
}

const deep = (levels: number) => {
  let value: Record<string, unknown> = { leaf: true }
  for (let i = 0; i < levels; i++) value = { nested: value }
  return value
}

describe("every failure is a typed CartModuleError without SQL or internals", () => {
  it.each([
    ["a filter named constructor", () => fixture.service.listCarts({ constructor: 1 })],
    ["a filter named __proto__", () => fixture.service.listCarts(JSON.parse('{"__proto__": {"x": 1}}') as object)],
    ["a filter named toString", () => fixture.service.listLineItems({ toString: "x" })],
    ["an operator named constructor", () => fixture.service.listCarts({ id: { $eq: "x", constructor: 1 } })],
    ["an order by __proto__", () => fixture.service.listCarts({}, { order: JSON.parse('{"__proto__": "ASC"}') as Record<string, string> })],
    ["an order by toString", () => fixture.service.listCarts({}, { order: { toString: "ASC" } })],
    ["$or: [null]", () => fixture.service.listCarts({ $or: [null] } as object)],
    ["an update selector named toString", () => fixture.service.updateCarts({ toString: 1 } as object, { email: "x@example.com" })],
    [
      "a unit price with surrounding spaces",
      () =>
        fixture.service.createCarts({
          currency_code: "usd",
          items: [{ title: "A", quantity: 1, unit_price: " 10 " as unknown as number }],
        }),
    ],
    [
      "a unit price of 1e400",
      () =>
        fixture.service.createCarts({
          currency_code: "usd",
          items: [{ title: "A", quantity: 1, unit_price: "1e400" as unknown as number }],
        }),
    ],
    [
      "an amount with 21 decimals",
      () =>
        fixture.service.createCarts({
          currency_code: "usd",
          items: [{ title: "A", quantity: 1, unit_price: "1.000000000000000000001" as unknown as number }],
        }),
    ],
    [
      "a quantity of 3,000,000,000",
      () => fixture.service.createCarts({ currency_code: "usd", items: [{ title: "A", quantity: 3_000_000_000, unit_price: 1 }] }),
    ],
    ["metadata nested 10,000 deep", () => fixture.service.createCarts({ currency_code: "usd", metadata: deep(10_000) })],
    ["metadata nested 40 deep", () => fixture.service.createCarts({ currency_code: "usd", metadata: deep(40) })],
    [
      "a Date as metadata",
      () => fixture.service.createCarts({ currency_code: "usd", metadata: new Date() as unknown as Record<string, unknown> }),
    ],
    [
      "a Map as a line item's metadata",
      () =>
        fixture.service.createCarts({
          currency_code: "usd",
          items: [{ title: "A", quantity: 1, unit_price: 1, metadata: new Map([["a", 1]]) as unknown as Record<string, unknown> }],
        }),
    ],
    ["a NUL byte in a text field", () => fixture.service.createCarts({ currency_code: "usd", email: "a\u0000@example.com" })],
    ["a NUL byte in metadata", () => fixture.service.createCarts({ currency_code: "usd", metadata: { note: "a\u0000b" } })],
    ["a NUL byte in a metadata key", () => fixture.service.createCarts({ currency_code: "usd", metadata: { ["a\u0000"]: 1 } })],
    ["a NUL byte in a filter", () => fixture.service.listCarts({ email: "a\u0000b" })],
    ["deleteCarts(undefined)", () => fixture.service.deleteCarts(undefined as unknown as string)],
  ])("%s is invalid_data", async (_label, call) => {
    const error = await failure(call)
    expect(error.type).toBe("invalid_data")
  })

  it("a killed connection inside a transaction is a typed unexpected_state, and the next call works", async () => {
    const error = await failure(() =>
      fixture.service.transaction(async (ctx) => {
        await fixture.service.listCarts({}, {}, ctx)
        await withPgClient(fixture.database.url, (client) =>
          client.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
          ),
        )
        await fixture.service.listCarts({}, {}, ctx)
      }),
    )
    expect(error.type).toBe("unexpected_state")
    await expect(fixture.service.createCarts({ currency_code: "usd" })).resolves.toMatchObject({ currency_code: "usd" })
  })

  it("driver detail goes to the logger, not the message", async () => {
    logged.length = 0
    await failure(() => fixture.service.listCarts({ email: "a\u0000b" }))
    expect(logged.length).toBeGreaterThan(0)
  })
})

describe("prototype names in select and relations", () => {
  it("are ignored like any field the model does not have, as Medusa ignores them, and read nothing of Object.prototype", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "A", quantity: 1, unit_price: 1 }] })
    expect(await fixture.service.listCarts({ id: cart.id }, { select: ["toString"] })).toEqual([{ id: cart.id }])
    const [withItems] = await fixture.service.listCarts(
      { id: cart.id },
      { select: ["id", "items.constructor"], relations: ["constructor", "items.hasOwnProperty", "__proto__"] },
    )
    expect(withItems).toEqual({ id: cart.id, items: [expect.objectContaining({ title: "A" })] })
    expect(Object.keys(withItems!.items![0]!)).not.toContain("constructor")
  })
})

describe("size and precision", () => {
  it("writes, updates, reads and deletes 10,000 items with every column in one call each", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      title: `Item ${i}`,
      subtitle: "s",
      thumbnail: "t",
      quantity: 1 + (i % 5),
      unit_price: `${i}.25`,
      compare_at_unit_price: `${i + 1}.5`,
      variant_id: `variant_${i}`,
      product_id: `product_${i}`,
      variant_option_values: { size: "M" },
      requires_shipping: true,
      is_discountable: false,
      is_giftcard: false,
      is_tax_inclusive: i % 2 === 0,
      is_custom_price: true,
      metadata: { i },
    }))
    const created = await fixture.service.addLineItems(cart.id, items)
    expect(created).toHaveLength(10_000)
    const updated = await fixture.service.updateLineItems(
      created.map((item, i) => ({ id: item.id, quantity: 2, title: `Renamed ${i}`, unit_price: "3.5", metadata: { j: i } })),
    )
    expect(updated).toHaveLength(10_000)
    const [listed, count] = await fixture.service.listAndCountLineItems({ id: created.map((item) => item.id) }, { take: 5 })
    expect(listed.map((item) => item.title)).toEqual(["Renamed 0", "Renamed 1", "Renamed 2", "Renamed 3", "Renamed 4"])
    expect(count).toBe(10_000)
    await fixture.service.softDeleteLineItems(created.map((item) => item.id))
    await fixture.service.deleteLineItems(created.map((item) => item.id))
    expect(await fixture.service.listLineItems({ cart_id: cart.id }, { withDeleted: true })).toEqual([])
  }, 600_000)

  it("a tax rate with 20 decimals round-trips exactly and totals use it exactly", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "A", quantity: 1, unit_price: 100 }] })
    const [line] = await fixture.service.addLineItemTaxLines(cart.id, [
      { item_id: cart.items![0]!.id, code: "T", rate: "7.12345678901234567891" as unknown as number },
    ])
    expect(line!.raw_rate).toEqual({ value: "7.12345678901234567891", precision: 20 })
    const [read] = await fixture.service.listLineItemTaxLines({ id: line!.id })
    expect(read!.raw_rate!.value).toBe("7.12345678901234567891")
    const withTotals = await fixture.service.retrieveCart(cart.id)
    expect(withTotals.tax_total!.raw?.value ?? String(withTotals.tax_total)).toMatch(/^7\.12345678901234567/)
  })

  it("an amount at the documented bounds round-trips exactly", async () => {
    const price = "123456789012345678.12345678901234567891"
    const cart = await fixture.service.createCarts({
      currency_code: "usd",
      items: [{ title: "A", quantity: 1, unit_price: price as unknown as number }],
    })
    const [item] = await fixture.service.listLineItems({ cart_id: cart.id })
    expect(item!.raw_unit_price).toEqual({ value: price, precision: 20 })
  })

  it("listAndCount with take: 0 reports the real count", async () => {
    const cart = await aCartPricedAt(fixture.service, 1, 1)
    const [rows, count] = await fixture.service.listAndCountLineItems({ cart_id: cart.id }, { take: 0 })
    expect(rows).toEqual([])
    expect(count).toBe(2)
  })
})

describe("events and logging never fail or block a committed write", () => {
  it("emits cart.deleted and cart.restored for cart soft delete and restore", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    fixture.events.clear()
    await fixture.service.softDeleteCarts(cart.id)
    await fixture.service.restoreCarts(cart.id)
    const names = fixture.events.events.filter((event) => event.data.id === cart.id).map((event) => event.name)
    expect(names).toEqual(["cart.deleted", "cart.restored"])
  })

  it("a hung event bus delays a write by at most timeouts.eventMs; a throwing bus and logger do not reject it", async () => {
    const hung = { emit: () => new Promise<void>(() => undefined) }
    const throwing = { emit: (_events: readonly CartEvent[]) => Promise.reject(new Error("bus down")) }
    const badLogger = {
      warn: () => {
        throw new Error("logger down")
      },
      error: () => {
        throw new Error("logger down")
      },
    }
    for (const eventBus of [hung, throwing]) {
      const module = await createCartModule({
        database: { clientUrl: fixture.database.url },
        eventBus,
        logger: badLogger,
        timeouts: { eventMs: 200 },
      })
      try {
        const cart = await module.service.createCarts({ currency_code: "usd", email: "committed@example.com" })
        expect((await fixture.service.retrieveCart(cart.id)).email).toBe("committed@example.com")
      } finally {
        await module.close()
      }
    }
  })

  it("calls during and after close() are typed errors; calls in flight finish", async () => {
    const module = await createCartModule({ database: { clientUrl: fixture.database.url } })
    const inFlight = module.service.createCarts({ currency_code: "usd" })
    const closing = module.close()
    const during = await failure(() => module.service.listCarts())
    await closing
    const after = await failure(() => module.service.createCarts({ currency_code: "usd" }))
    expect([during.type, after.type]).toEqual(["unexpected_state", "unexpected_state"])
    await expect(inFlight).resolves.toMatchObject({ currency_code: "usd" })
  })
})
