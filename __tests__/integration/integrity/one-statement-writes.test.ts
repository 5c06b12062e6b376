import { useCartModule } from "../../support/cart-module-fixture"
import { waitForLockWaiters } from "../../support/lock-waiters"
import { countStatements } from "../../support/statement-counter"
import { expectInvalidDataNaming } from "../../support/expectations"
import { CartModuleError } from "../../../src/errors/cart-module-error"
import type { CartContext } from "../../../src/persistence/unit-of-work"

// Issue #10: the commonest writes to one cart are one statement (lock, checks, write, RETURNING), sent
// without BEGIN/COMMIT. A check that fails must leave no trace, not even a version bump.

jest.setTimeout(60_000)

const fixture = useCartModule()

const versionOf = async (cartId: string) => (await fixture.service.retrieveCart(cartId, { select: ["version"] })).version
const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )

describe("one-statement writes", () => {
  it("add, update and delete a line with one statement each and no transaction", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const added = await countStatements(() => fixture.service.addLineItems(cart.id, [{ title: "a", quantity: 1, unit_price: 2 }]))
    const itemId = added.result[0]!.id
    const updated = await countStatements(() => fixture.service.updateLineItems(itemId, { quantity: 3 }))
    const deleted = await countStatements(() => fixture.service.deleteLineItems(itemId))
    for (const counted of [added, updated, deleted]) {
      expect(counted.count).toBe(1)
      expect(counted.statements[0]).not.toMatch(/^BEGIN/i)
    }
    expect(await versionOf(cart.id)).toBe(4)
    expect(await fixture.service.listLineItems({ cart_id: cart.id })).toEqual([])
  })

  it("lines naming different fields still go in one statement, each column at its default where a line leaves it out", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const added = await countStatements(() =>
      fixture.service.addLineItems(cart.id, [
        { title: "Tee", quantity: 1, unit_price: 25, product_title: "Tee", requires_shipping: false, metadata: { size: "M" } },
        { title: "Gift card", quantity: 2, unit_price: "12.5", is_giftcard: true },
      ]),
    )
    expect(added.count).toBe(1)
    expect(added.statements[0]).not.toMatch(/^BEGIN/i)
    const [tee, gift] = added.result
    expect(tee).toMatchObject({ product_title: "Tee", requires_shipping: false, is_giftcard: false, metadata: { size: "M" } })
    // Left out: the model's defaults (requires_shipping true, booleans false), nullable columns null.
    expect(gift).toMatchObject({ product_title: null, requires_shipping: true, is_giftcard: true, is_discountable: true, metadata: null })
    expect(await fixture.service.listLineItems({ cart_id: cart.id }, { order: { title: "ASC" } })).toEqual([
      expect.objectContaining({ title: "Gift card", requires_shipping: true }),
      expect.objectContaining({ title: "Tee", requires_shipping: false }),
    ])
  })

  it("a stale expected version is a conflict, found by the one statement, that leaves the version and the line as they were", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "a", quantity: 1, unit_price: 2 }] })
    const itemId = cart.items![0]!.id
    const version = await versionOf(cart.id)
    const stale = { expectedVersion: version - 1 }
    const writes: readonly (() => Promise<unknown>)[] = [
      () => fixture.service.updateLineItems(itemId, { quantity: 9 }, stale),
      () => fixture.service.addLineItems(cart.id, [{ title: "b", quantity: 1, unit_price: 2 }], stale),
      () => fixture.service.setLineItemTaxLines(cart.id, [{ item_id: itemId, code: "VAT", rate: 20 }], stale),
      () => fixture.service.deleteLineItems(itemId, stale),
    ]
    for (const write of writes) {
      const counted = await countStatements(() => settle(write()))
      expect(counted.result).toEqual({
        error: expect.objectContaining({
          type: "conflict",
          message: `Cart with id "${cart.id}" is at version ${version}, not the expected version ${version - 1}`,
        }),
      })
      // Reported by the write's own statement: no general path, no transaction.
      expect(counted.count).toBe(1)
    }
    expect(await versionOf(cart.id)).toBe(version)
    expect((await fixture.service.listLineItems({ cart_id: cart.id })).map((line) => [line.id, Number(line.quantity)])).toEqual([
      [itemId, 1],
    ])
  })

  it("a write that waited for the lock behind another writer is a conflict found by its own statement", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "a", quantity: 1, unit_price: 2 }] })
    const itemId = cart.items![0]!.id
    const version = await versionOf(cart.id)
    let waiting: Promise<{ result: unknown; statements: readonly string[] }> | undefined
    await fixture.service.transaction(async (ctx: CartContext) => {
      await fixture.service.updateLineItems(itemId, { quantity: 2 }, ctx)
      // Its snapshot still sees `version`: it takes the lock, waits, then finds the version this transaction set.
      waiting = countStatements(() => settle(fixture.service.updateLineItems(itemId, { quantity: 9 }, { expectedVersion: version })))
      await waitForLockWaiters(fixture.database.url)
    })
    const outcome = await waiting!
    expect(outcome.result).toEqual({
      error: expect.objectContaining({
        type: "conflict",
        message: `Cart with id "${cart.id}" is at version ${version + 1}, not the expected version ${version}`,
      }),
    })
    // Counted meanwhile: the other transaction's COMMIT and the lock-waiter probe; of this call, one statement.
    expect(outcome.statements.filter((sql) => /^(BEGIN|SAVEPOINT)|cart_line_item/i.test(sql))).toHaveLength(1)
    expect(await versionOf(cart.id)).toBe(version + 1)
    expect(Number((await fixture.service.retrieveLineItem(itemId)).quantity)).toBe(2)
  })

  it("an expected version ahead of the cart's is a conflict too (through the general path)", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "a", quantity: 1, unit_price: 2 }] })
    const version = await versionOf(cart.id)
    await expect(
      fixture.service.updateLineItems(cart.items![0]!.id, { quantity: 9 }, { expectedVersion: version + 5 }),
    ).rejects.toMatchObject({
      type: "conflict",
      message: `Cart with id "${cart.id}" is at version ${version}, not the expected version ${version + 5}`,
    })
    expect(await versionOf(cart.id)).toBe(version)
  })

  it("with an expected version, a missing line is still not_found and a completed cart still not_allowed", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "a", quantity: 1, unit_price: 2 }] })
    const version = await versionOf(cart.id)
    await expect(fixture.service.updateLineItems("cali_missing", { quantity: 9 }, { expectedVersion: version - 1 })).rejects.toMatchObject({
      type: "not_found",
    })
    await fixture.service.updateCarts(cart.id, { completed_at: new Date() })
    await expect(
      fixture.service.updateLineItems(cart.items![0]!.id, { quantity: 9 }, { expectedVersion: version - 1 }),
    ).rejects.toMatchObject({ type: "not_allowed" })
  })

  it("a line soft-deleted while the update waited for the lock is not_found, with no version bump of its own", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "a", quantity: 1, unit_price: 2 }] })
    const itemId = cart.items![0]!.id
    let pending: Promise<{ value: unknown } | { error: unknown }> | undefined
    await fixture.service.transaction(async (ctx: CartContext) => {
      await fixture.service.softDeleteLineItems([itemId], {}, ctx)
      pending = settle(fixture.service.updateLineItems(itemId, { quantity: 5 }))
      await waitForLockWaiters(fixture.database.url)
    })
    const afterDelete = await versionOf(cart.id)
    const outcome = await pending!
    expect("error" in outcome && CartModuleError.is(outcome.error) ? outcome.error.type : undefined).toBe("not_found")
    expect(await versionOf(cart.id)).toBe(afterDelete)
  })

  it("a set that waited behind another writer of the cart also replaces what that writer committed", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "a", quantity: 1, unit_price: 2 }] })
    const itemId = cart.items![0]!.id
    let pending: Promise<unknown> | undefined
    await fixture.service.transaction(async (ctx: CartContext) => {
      await fixture.service.addLineItemTaxLines(cart.id, [{ item_id: itemId, code: "EARLY", rate: 1 }], ctx)
      pending = fixture.service.setLineItemTaxLines(cart.id, [{ item_id: itemId, code: "LATE", rate: 2 }])
      await waitForLockWaiters(fixture.database.url)
    })
    await pending
    expect((await fixture.service.listLineItemTaxLines({ item_id: itemId })).map((line) => line.code)).toEqual(["LATE"])
  })

  it("sets tax lines in one statement, and refuses a line of another cart naming both ids", async () => {
    const a = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "a", quantity: 1, unit_price: 2 }] })
    const b = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "b", quantity: 1, unit_price: 2 }] })
    const set = await countStatements(() => fixture.service.setLineItemTaxLines(a.id, [{ item_id: a.items![0]!.id, code: "A", rate: 5 }]))
    expect(set.count).toBe(1)
    const version = await versionOf(a.id)
    await expectInvalidDataNaming(
      fixture.service.setLineItemTaxLines(a.id, [{ item_id: b.items![0]!.id, code: "B", rate: 5 }]),
      b.items![0]!.id,
    )
    expect(await versionOf(a.id)).toBe(version)
    expect((await fixture.service.listLineItemTaxLines({ cart_id: a.id })).map((line) => line.code)).toEqual(["A"])
  })

  it("batches travel as arrays and keep every value exactly: quotes, backslashes, braces, NULL-like text, nulls", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const tricky = { q: 'say "hi"', b: "back\\slash", braces: "{a,b}", nul: "NULL", nested: { list: [1, "two", null] }, u: "é✓" }
    const inputs = [
      {
        title: 'A "quoted", {braced} title',
        quantity: 2,
        unit_price: "1234567890.12345678901234567891",
        metadata: tricky,
        variant_option_values: { size: "M" },
      },
      { title: "NULL", quantity: 1, unit_price: "0", metadata: null, variant_option_values: null },
    ]
    const added = await countStatements(() => fixture.service.addLineItems(cart.id, inputs))
    expect(added.count).toBe(1)
    const lines = await fixture.service.listLineItems({ cart_id: cart.id })
    expect(lines.map((line) => [line.title, line.metadata, line.variant_option_values])).toEqual(
      inputs.map((input) => [input.title, input.metadata, input.variant_option_values]),
    )
    expect(lines.map((line) => line.raw_unit_price)).toEqual([
      { value: "1234567890.12345678901234567891", precision: 20 },
      { value: "0", precision: 20 },
    ])
  })

  it("creates carts with addresses and items in one statement, uniform rows as arrays and mixed ones as VALUES", async () => {
    const metadata = { note: 'a "b" {c} \\ NULL', n: [1, null] }
    const created = await countStatements(() =>
      fixture.service.createCarts([
        {
          currency_code: "EUR",
          metadata,
          shipping_address: { first_name: 'O"Brien', city: "{x}" },
          items: [{ title: "a", quantity: 1, unit_price: "1.5", metadata }],
        },
        { currency_code: "usd", items: [{ title: "b", quantity: 2, unit_price: 3, is_tax_inclusive: true }] },
      ]),
    )
    expect(created.count).toBe(1)
    const [first, second] = created.result
    const read = await fixture.service.retrieveCart(first!.id, { relations: ["items", "shipping_address"] })
    expect(read.metadata).toEqual(metadata)
    expect(read.currency_code).toBe("eur")
    expect(read.shipping_address).toMatchObject({ first_name: 'O"Brien', city: "{x}" })
    expect(read.items!.map((item) => [item.title, item.metadata, item.is_tax_inclusive])).toEqual([["a", metadata, false]])
    const other = await fixture.service.retrieveCart(second!.id, { relations: ["items"] })
    expect(other.items!.map((item) => [item.title, Number(item.quantity), item.is_tax_inclusive])).toEqual([["b", 2, true]])
  })

  it("updates a cart in one statement; a stale version or a deleted cart changes nothing and says why", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", email: "a@example.com", metadata: { keep: 1 } })
    const updated = await countStatements(() => fixture.service.updateCarts(cart.id, { email: "b@example.com", metadata: { add: 2 } }))
    expect(updated.count).toBe(1)
    expect(updated.result).toMatchObject({ email: "b@example.com", metadata: { keep: 1, add: 2 }, version: 2, shipping_address: null })
    await expect(fixture.service.updateCarts(cart.id, { email: "c@example.com" }, { expectedVersion: 1 })).rejects.toMatchObject({
      type: "conflict",
    })
    await fixture.service.softDeleteCarts(cart.id)
    await expect(fixture.service.updateCarts(cart.id, { email: "d@example.com" })).rejects.toMatchObject({ type: "not_found" })
    const [row] = await fixture.service.listCarts({ id: cart.id }, { select: ["email", "version"], withDeleted: true })
    expect(row).toMatchObject({ email: "b@example.com", version: 3 })
  })

  it("deleting ids of two carts in one call still deletes both (the general path)", async () => {
    const a = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "a", quantity: 1, unit_price: 2 }] })
    const b = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "b", quantity: 1, unit_price: 2 }] })
    await fixture.service.deleteLineItems([a.items![0]!.id, b.items![0]!.id])
    expect(await fixture.service.listLineItems({ cart_id: [a.id, b.id] })).toEqual([])
  })
})
