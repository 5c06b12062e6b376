import type { EntityManager } from "@mikro-orm/postgresql"
import { useCartModule } from "../../support/cart-module-fixture"
import { countRows } from "./database-snapshot"
import { aCartPricedAt, aCartShippedTo } from "../../support/cart-builders"

const fixture = useCartModule()

beforeEach(() => fixture.events.clear())

const names = () => fixture.events.events.map((event) => event.name)

class Abort extends Error {}

describe("events", () => {
  it("createCarts emits cart.created and cart.line-item.created with their ids after commit", async () => {
    const cart = await aCartPricedAt(fixture.service, 1, 2)
    expect(fixture.events.events).toEqual([
      expect.objectContaining({ name: "cart.created", data: expect.objectContaining({ id: cart.id }) }),
      expect.objectContaining({
        name: "cart.line-item.created",
        data: expect.objectContaining({ id: cart.items![0]!.id, cart_id: cart.id }),
      }),
      expect.objectContaining({
        name: "cart.line-item.created",
        data: expect.objectContaining({ id: cart.items![1]!.id, cart_id: cart.id }),
      }),
    ])
  })

  it("createCarts announces the addresses it writes with the carts, not the ones it only points at", async () => {
    const existing = await fixture.service.createAddresses({ city: "Bergen" })
    fixture.events.clear()
    const cart = await fixture.service.createCarts({
      currency_code: "eur",
      shipping_address: { city: "Oslo" },
      billing_address_id: existing.id,
    })
    expect(fixture.events.events).toEqual([
      expect.objectContaining({ name: "cart.created", data: expect.objectContaining({ id: cart.id }) }),
      expect.objectContaining({ name: "cart.address.created", data: { id: cart.shipping_address_id, cart_id: cart.id } }),
    ])
  })

  it("a soft delete announces every row it hides with the ones asked for, as Medusa does; a restore only those", async () => {
    const s = fixture.service
    const cart = await aCartShippedTo(s, "Oslo", 2, "eur")
    const item = cart.items![0]!
    const [adjustment] = await s.addLineItemAdjustments(cart.id, [{ item_id: item.id, amount: 1, code: "P" }])
    fixture.events.clear()
    await s.softDeleteLineItems([item.id])
    expect(fixture.events.events.map((event) => [event.name, event.data])).toEqual([
      ["cart.line-item.deleted", { id: item.id, cart_id: cart.id }],
      ["cart.line-item-adjustment.deleted", { id: adjustment!.id, cart_id: cart.id }],
    ])
    await s.restoreLineItems([item.id])
    fixture.events.clear()
    await s.softDeleteCarts([cart.id])
    expect(fixture.events.events.map((event) => event.name).sort()).toEqual([
      "cart.address.deleted",
      "cart.deleted",
      "cart.line-item-adjustment.deleted",
      "cart.line-item.deleted",
    ])
    expect(fixture.events.events.every((event) => event.data.cart_id === cart.id)).toBe(true)
    fixture.events.clear()
    await s.restoreCarts([cart.id])
    expect(names()).toEqual(["cart.restored"])
  })

  it("carries the caller's eventGroupId on every event", async () => {
    await fixture.service.createCarts({ currency_code: "usd" }, { eventGroupId: "grp_1" })
    expect(fixture.events.events[0]?.metadata.eventGroupId).toBe("grp_1")
  })

  it("emits nothing for a call that fails in the database after its inserts ran", async () => {
    // The dangling address key is checked at COMMIT, so both carts were inserted before the failure.
    await expect(
      fixture.service.createCarts([{ currency_code: "usd" }, { currency_code: "eur", shipping_address_id: "caaddr_missing" }]),
    ).rejects.toMatchObject({ type: "not_found" })
    expect(fixture.events.events).toEqual([])
  })

  it("emits nothing for a call that fails half-way through a batch", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "A", quantity: 1, unit_price: 1 }] })
    fixture.events.clear()
    await expect(
      fixture.service.addLineItemTaxLines([
        { item_id: cart.items![0]!.id, code: "A", rate: 1 },
        { item_id: "cali_missing", code: "B", rate: 1 },
      ]),
    ).rejects.toMatchObject({ type: "not_found" })
    expect(fixture.events.events).toEqual([])
  })

  describe("inside fixture.service.transaction", () => {
    it("waits for the outer commit", async () => {
      let seenInside: string[] = []
      const cart = await fixture.service.transaction(async (ctx) => {
        const created = await fixture.service.createCarts({ currency_code: "usd" }, ctx)
        await fixture.service.addLineItems(created.id, [{ title: "A", quantity: 1, unit_price: 1 }], ctx)
        seenInside = names()
        return created
      })
      expect(seenInside).toEqual([])
      await flush()
      expect(names()).toEqual(["cart.created", "cart.line-item.created"])
      expect(fixture.events.events[0]?.data.id).toBe(cart.id)
    })

    it("emits nothing when the work throws after a successful call", async () => {
      let cartId = ""
      await expect(
        fixture.service.transaction(async (ctx) => {
          cartId = (await fixture.service.createCarts({ currency_code: "usd" }, ctx)).id
          throw new Abort("host changed its mind")
        }),
      ).rejects.toBeInstanceOf(Abort)
      await flush()
      expect(fixture.events.events).toEqual([])
      expect(await countRows(fixture.module, "cart", "id = ?", [cartId])).toBe(0)
    })
  })

  describe("inside a MikroORM em.transactional", () => {
    it("joins it and emits after its commit", async () => {
      let seenInside: string[] = []
      const cart = await fixture.module.orm.em.transactional(async (em: EntityManager) => {
        const created = await fixture.service.createCarts({ currency_code: "usd" }, { transactionManager: em })
        seenInside = names()
        return created
      })
      expect(seenInside).toEqual([])
      await flush()
      expect(names()).toEqual(["cart.created"])
      expect(await countRows(fixture.module, "cart", "id = ?", [cart.id])).toBe(1)
    })

    it("rolls back together with it and emits nothing", async () => {
      let cartId = ""
      await expect(
        fixture.module.orm.em.transactional(async (em: EntityManager) => {
          cartId = (await fixture.service.createCarts({ currency_code: "usd" }, { transactionManager: em })).id
          throw new Abort("rollback")
        }),
      ).rejects.toBeInstanceOf(Abort)
      await flush()
      expect(fixture.events.events).toEqual([])
      expect(await countRows(fixture.module, "cart", "id = ?", [cartId])).toBe(0)
    })

    it("drops the events of a nested transaction rolled back to its savepoint, keeps the outer ones", async () => {
      const outer = await fixture.module.orm.em.transactional(async (em: EntityManager) => {
        const kept = await fixture.service.createCarts({ currency_code: "usd" }, { transactionManager: em })
        await expect(
          em.transactional(async (inner: EntityManager) => {
            await fixture.service.addLineItems(kept.id, [{ title: "Lost", quantity: 1, unit_price: 1 }], { transactionManager: inner })
            throw new Abort("inner rollback")
          }),
        ).rejects.toBeInstanceOf(Abort)
        return kept
      })
      await flush()
      expect(names()).toEqual(["cart.created"])
      expect(await countRows(fixture.module, "cart_line_item", "cart_id = ?", [outer.id])).toBe(0)
    })
  })
})

describe("events of calls joined to a knex transaction the host opened", () => {
  const knex = () => fixture.module.orm.em.getKnex()

  it("emits nothing after the host rolls back without an error, though knex resolves its promise", async () => {
    const trx = await knex().transaction()
    const cart = await fixture.service.createCarts({ currency_code: "usd" }, { transactionManager: trx })
    await trx.rollback()
    await expect(trx.executionPromise).resolves.toBeUndefined()
    await flush()
    expect(fixture.events.events).toEqual([])
    expect(await countRows(fixture.module, "cart", "id = ?", [cart.id])).toBe(0)
  })

  it("emits once, after the host's explicit commit", async () => {
    const emit = jest.spyOn(fixture.events, "emit")
    const trx = await knex().transaction()
    await fixture.service.createCarts({ currency_code: "usd" }, { transactionManager: trx })
    await fixture.service.createCarts({ currency_code: "eur" }, { transactionManager: trx })
    await flush()
    expect(names()).toEqual([])
    await trx.commit()
    await flush()
    expect(names()).toEqual(["cart.created", "cart.created"])
    expect(emit).toHaveBeenCalledTimes(1)
    emit.mockRestore()
  })

  it("drops the events of a host savepoint rolled back explicitly, keeps those of the committed root", async () => {
    const trx = await knex().transaction()
    const kept = await fixture.service.createCarts({ currency_code: "usd" }, { transactionManager: trx })
    const savepoint = await trx.transaction()
    await fixture.service.addLineItems(kept.id, [{ title: "Lost", quantity: 1, unit_price: 1 }], { transactionManager: savepoint })
    await savepoint.rollback()
    await trx.commit()
    await flush()
    expect(names()).toEqual(["cart.created"])
  })
})

/** Lets promise callbacks queued on the commit run. */
function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
