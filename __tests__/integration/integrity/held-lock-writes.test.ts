import { useCartModule } from "../../support/cart-module-fixture"
import { countStatements } from "../../support/statement-counter"
import { holdCartLock } from "../../support/lock-waiters"
import type { CartContext } from "../../../src/persistence/unit-of-work"

// Inside a host transaction that already holds a cart's lock (lockCart, or an earlier joined write),
// a one-statement write to that cart runs straight on the transaction: no savepoint, one statement.
// A failed check must still leave the host's transaction usable and write nothing.

const fixture = useCartModule()
const eventNames = () => fixture.events.events.map((event) => event.name)

class Abort extends Error {}

async function cartWithItem(): Promise<{ cartId: string; itemId: string }> {
  const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "A", quantity: 1, unit_price: 10 }] })
  return { cartId: cart.id, itemId: cart.items![0]!.id }
}

const isSavepoint = (sql: string) => /^\s*(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)/i.test(sql)

describe("one-statement writes on a host transaction that holds the cart's lock", () => {
  it("send one statement and no savepoint after lockCart", async () => {
    const { cartId, itemId } = await cartWithItem()
    await fixture.service.transaction(async (ctx) => {
      await fixture.service.lockCart(cartId, ctx)
      const update = await countStatements(() => fixture.service.updateLineItems(itemId, { quantity: 5 }, ctx))
      expect(update.count).toBe(1)
      const add = await countStatements(() => fixture.service.addLineItems(cartId, [{ title: "B", quantity: 1, unit_price: 2 }], ctx))
      expect(add.count).toBe(1)
      const setTax = await countStatements(() =>
        fixture.service.setLineItemTaxLines(cartId, [{ item_id: itemId, code: "VAT", rate: 20 }], ctx),
      )
      expect(setTax.count).toBe(1)
      const removed = await countStatements(() => fixture.service.deleteLineItems(add.result[0]!.id, ctx))
      expect(removed.count).toBe(1)
      expect([...update.statements, ...add.statements, ...setTax.statements, ...removed.statements].filter(isSavepoint)).toEqual([])
    })
    const cart = await fixture.service.retrieveCart(cartId, { relations: ["items", "items.tax_lines"] })
    expect(cart.items!.map((item) => [item.id, Number(item.quantity), item.tax_lines!.map((line) => line.code)])).toEqual([
      [itemId, 5, ["VAT"]],
    ])
  })

  it("hold the lock from an earlier joined write too", async () => {
    const { itemId } = await cartWithItem()
    await fixture.service.transaction(async (ctx) => {
      // The first write takes the general path (lock, then write), which holds the lock for the rest.
      const first = await countStatements(() => fixture.service.updateLineItems(itemId, { quantity: 2 }, ctx))
      expect(first.count).toBeGreaterThan(1)
      const second = await countStatements(() => fixture.service.updateLineItems(itemId, { quantity: 3 }, ctx))
      expect(second.count).toBe(1)
    })
    expect(Number((await fixture.service.retrieveLineItem(itemId)).quantity)).toBe(3)
  })

  it("take the general path, with its savepoint, for a cart the transaction does not hold", async () => {
    const held = await cartWithItem()
    const other = await cartWithItem()
    await fixture.service.transaction(async (ctx) => {
      await fixture.service.lockCart(held.cartId, ctx)
      const write = await countStatements(() => fixture.service.updateLineItems(other.itemId, { quantity: 4 }, ctx))
      expect(write.statements.some(isSavepoint)).toBe(true)
    })
    expect(Number((await fixture.service.retrieveLineItem(other.itemId)).quantity)).toBe(4)
  })

  it.each<[string, (ids: { cartId: string; itemId: string }, ctx: CartContext) => Promise<unknown>, string]>([
    [
      "a stale expected version",
      ({ itemId }, ctx) => fixture.service.updateLineItems(itemId, { quantity: 9 }, { ...ctx, expectedVersion: -1 }),
      "conflict",
    ],
    ["a missing line item", (_ids, ctx) => fixture.service.updateLineItems("cali_missing", { quantity: 9 }, ctx), "not_found"],
    [
      "a line item of another cart",
      ({ cartId }, ctx) => fixture.service.setLineItemTaxLines(cartId, [{ item_id: "cali_missing", code: "X", rate: 1 }], ctx),
      "not_found",
    ],
  ])("report %s as its typed error, write nothing and leave the transaction usable", async (_name, failing, type) => {
    const ids = await cartWithItem()
    const before = await fixture.service.retrieveCart(ids.cartId, { relations: ["items"] })
    await fixture.service.transaction(async (ctx) => {
      await fixture.service.lockCart(ids.cartId, ctx)
      await expect(failing(ids, ctx)).rejects.toMatchObject({ type })
      // The transaction goes on: a later write in it commits.
      await fixture.service.updateLineItems(ids.itemId, { quantity: 7 }, ctx)
    })
    const after = await fixture.service.retrieveCart(ids.cartId, { relations: ["items", "items.tax_lines"] })
    expect(after.items!.map((item) => [Number(item.quantity), item.tax_lines])).toEqual([[7, []]])
    expect(after.items!.map((item) => item.id)).toEqual(before.items!.map((item) => item.id))
  })

  it("refuses a completed cart with the usual error and leaves the transaction usable", async () => {
    const { cartId, itemId } = await cartWithItem()
    await fixture.service.updateCarts(cartId, { completed_at: new Date() })
    await fixture.service.transaction(async (ctx) => {
      await fixture.service.lockCart(cartId, ctx)
      await expect(fixture.service.updateLineItems(itemId, { quantity: 9 }, ctx)).rejects.toMatchObject({ type: "not_allowed" })
      expect((await fixture.service.retrieveCart(cartId)).id).toBe(cartId)
    })
    expect(Number((await fixture.service.retrieveLineItem(itemId)).quantity)).toBe(1)
  })

  it("publishes its events after the host commits, and none when it rolls back", async () => {
    const { cartId, itemId } = await cartWithItem()
    fixture.events.clear()
    await expect(
      fixture.service.transaction(async (ctx) => {
        await fixture.service.lockCart(cartId, ctx)
        await fixture.service.updateLineItems(itemId, { quantity: 2 }, ctx)
        expect(eventNames()).toEqual([])
        throw new Abort("rollback")
      }),
    ).rejects.toBeInstanceOf(Abort)
    expect(eventNames()).toEqual([])
    expect(Number((await fixture.service.retrieveLineItem(itemId)).quantity)).toBe(1)

    await fixture.service.transaction(async (ctx) => {
      await fixture.service.lockCart(cartId, ctx)
      await fixture.service.updateLineItems(itemId, { quantity: 3 }, ctx)
      expect(eventNames()).toEqual([])
    })
    expect(eventNames()).toContain("cart.line-item.updated")
  })

  it("leave writes that can wait or fail otherwise to the general path: a new cart, another cart's update", async () => {
    const held = await cartWithItem()
    const busy = await cartWithItem()
    // Another transaction holds the busy cart's lock longer than one lock probe.
    const holder = await holdCartLock(fixture.service, (ctx) => fixture.service.lockCart(busy.cartId, ctx))
    const created = await fixture.service.transaction(async (ctx) => {
      await fixture.service.lockCart(held.cartId, ctx)
      const create = await countStatements(() => fixture.service.createCarts({ currency_code: "eur" }, ctx))
      expect(create.statements.some(isSavepoint)).toBe(true)
      setTimeout(() => void holder.release(), 500)
      // Waits for the busy cart through its savepoint's lock probes, instead of failing the host's transaction.
      await fixture.service.updateCarts(busy.cartId, { email: "after-the-wait@example.com" }, ctx)
      return create.result
    })
    await holder.release()
    expect((await fixture.service.retrieveCart(busy.cartId)).email).toBe("after-the-wait@example.com")
    expect((await fixture.service.retrieveCart(created.id)).currency_code).toBe("eur")
  })

  it("serialises concurrent locked increments without losing one", async () => {
    const { cartId, itemId } = await cartWithItem()
    const increment = () =>
      fixture.service.transaction(async (ctx) => {
        await fixture.service.lockCart(cartId, ctx)
        const item = await fixture.service.retrieveLineItem(itemId, { select: ["id", "quantity"] }, ctx)
        await fixture.service.updateLineItems(itemId, { quantity: Number(item.quantity) + 1 }, ctx)
      })
    await Promise.all(Array.from({ length: 12 }, increment))
    expect(Number((await fixture.service.retrieveLineItem(itemId)).quantity)).toBe(13)
  })
})
