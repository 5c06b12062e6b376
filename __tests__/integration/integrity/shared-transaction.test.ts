import type { EntityManager } from "@mikro-orm/postgresql"
import { useCartModule } from "../../support/cart-module-fixture"
import type { CartContext } from "../../../src/persistence/unit-of-work"
import { countRows, snapshotDatabase } from "./database-snapshot"

const fixture = useCartModule()

class Abort extends Error {}

type HostTransaction = <T>(work: (ctx: CartContext) => Promise<T>) => Promise<T>

const hosts: readonly (readonly [string, HostTransaction])[] = [
  ["service.transaction", (work) => fixture.service.transaction(work)],
  ["orm.em.transactional", (work) => fixture.module.orm.em.transactional((em: EntityManager) => work({ transactionManager: em }))],
]

describe.each(hosts)("a host transaction via %s", (_name, host) => {
  it("commits two calls as one", async () => {
    const cart = await host(async (ctx) => {
      const created = await fixture.service.createCarts({ currency_code: "usd" }, ctx)
      await fixture.service.addLineItems(created.id, [{ title: "A", quantity: 1, unit_price: 1 }], ctx)
      // The second call sees the first one's uncommitted cart, while other connections do not.
      expect(await countRows(fixture.module, "cart", "id = ?", [created.id])).toBe(0)
      expect(await fixture.service.listLineItems({ cart_id: created.id }, {}, ctx)).toHaveLength(1)
      return created
    })
    expect(await fixture.service.listLineItems({ cart_id: cart.id })).toHaveLength(1)
  })

  it("rolls back two calls as one", async () => {
    const before = await snapshotDatabase(fixture.module)
    await expect(
      host(async (ctx) => {
        const created = await fixture.service.createCarts({ currency_code: "usd" }, ctx)
        await fixture.service.addLineItems(created.id, [{ title: "A", quantity: 1, unit_price: 1 }], ctx)
        throw new Abort("rollback")
      }),
    ).rejects.toBeInstanceOf(Abort)
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
  })

  it("rolls back both calls when the second one fails", async () => {
    const before = await snapshotDatabase(fixture.module)
    await expect(
      host(async (ctx) => {
        const created = await fixture.service.createCarts({ currency_code: "usd" }, ctx)
        await fixture.service.addLineItems("cart_missing", [{ title: "A", quantity: 1, unit_price: 1 }], ctx)
        return created
      }),
    ).rejects.toMatchObject({ type: "not_found" })
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
  })

  it("runs concurrent calls joined to it one after another, all committed", async () => {
    const cart = await host(async (ctx) => {
      const created = await fixture.service.createCarts({ currency_code: "usd" }, ctx)
      await Promise.all(
        [1, 2, 3, 4].map((n) => fixture.service.addLineItems(created.id, [{ title: `L${n}`, quantity: n, unit_price: 1 }], ctx)),
      )
      return created
    })
    expect(await fixture.service.listLineItems({ cart_id: cart.id })).toHaveLength(4)
    expect((await fixture.service.retrieveCart(cart.id, { select: ["version"] })).version).toBe(5)
  })

  it("keeps a failed call atomic even when the host catches its error and commits", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "A", quantity: 1, unit_price: 1 }] })
    const item = cart.items![0]!.id
    await fixture.service.setLineItemTaxLines(cart.id, [{ item_id: item, code: "VAT", rate: 20 }])
    fixture.events.clear()
    const before = await snapshotDatabase(fixture.module)
    await host(async (ctx) => {
      // Removes the VAT line, then fails on the unknown id: the removal must not survive.
      await expect(
        fixture.service.setLineItemTaxLines(cart.id, [{ id: "calitxl_missing", item_id: item, code: "GST", rate: 5 }], ctx),
      ).rejects.toMatchObject({ type: "not_found" })
    })
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
    await new Promise((resolve) => setImmediate(resolve))
    expect(fixture.events.events).toEqual([])
  })
})
