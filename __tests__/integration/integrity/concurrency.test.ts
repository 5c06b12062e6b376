import { useCartModule } from "../../support/cart-module-fixture"
import { aCartPricedAt } from "../../support/cart-builders"
import { CartModuleError } from "../../../src/errors/cart-module-error"
import type { ConflictError } from "../../../src/errors/errors"

const WRITERS = 16

// Default pool (max 10): 16 writers also queue for connections while holding none of the cart lock.
const fixture = useCartModule()

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

async function versionOf(cartId: string): Promise<number> {
  return (await fixture.service.retrieveCart(cartId, { select: ["version"] })).version
}

function isConflict(error: unknown): error is ConflictError {
  return CartModuleError.is(error) && error.type === "conflict"
}

describe(`${WRITERS} concurrent writers on one cart`, () => {
  it("parallel addLineItems lose nothing, duplicate nothing, and bump the version once each", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const before = await versionOf(cart.id)
    await Promise.all(
      range(WRITERS).map((i) => fixture.service.addLineItems(cart.id, [{ title: `Line ${i}`, quantity: 1, unit_price: i }])),
    )
    const items = await fixture.service.listLineItems({ cart_id: cart.id })
    expect(items).toHaveLength(WRITERS)
    expect(new Set(items.map((item) => item.title)).size).toBe(WRITERS)
    expect(await versionOf(cart.id)).toBe(before + WRITERS)
  })

  it("parallel metadata merges keep every key", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", metadata: { existing: true } })
    const before = await versionOf(cart.id)
    await Promise.all(range(WRITERS).map((i) => fixture.service.updateCarts(cart.id, { metadata: { [`k_${i}`]: i } })))
    const after = await fixture.service.retrieveCart(cart.id, { select: ["metadata", "version"] })
    expect(after.metadata).toEqual({ existing: true, ...Object.fromEntries(range(WRITERS).map((i) => [`k_${i}`, i])) })
    expect(after.version).toBe(before + WRITERS)
  })

  it("read-then-update increments with expectedVersion and retry on conflict lose no increment", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "Counter", quantity: 5, unit_price: 1 }] })
    const itemId = cart.items![0]!.id
    let conflicts = 0
    const increment = async (): Promise<void> => {
      for (let attempt = 0; attempt < 200; attempt++) {
        // One statement reads the version and the quantity together, so they are consistent.
        const seen = await fixture.service.retrieveCart(cart.id, { select: ["version", "items.id", "items.quantity"] })
        const quantity = seen.items!.find((item) => item.id === itemId)!.quantity
        try {
          await fixture.service.updateLineItems(itemId, { quantity: Number(quantity) + 1 }, { expectedVersion: seen.version })
          return
        } catch (error) {
          if (!isConflict(error)) throw error
          expect(error.currentVersion).toBeGreaterThan(seen.version)
          conflicts++
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5))
        }
      }
      throw new Error("gave up after 200 conflicts")
    }
    await Promise.all(range(WRITERS).map(increment))
    const [item] = await fixture.service.listLineItems({ id: itemId })
    expect(Number(item!.quantity)).toBe(5 + WRITERS)
    // The check is real: with 16 writers racing, at least one read went stale.
    expect(conflicts).toBeGreaterThan(0)
  })

  it("parallel setLineItemTaxLines leave exactly one writer's complete set", async () => {
    const cart = await aCartPricedAt(fixture.service, 10, 20)
    const itemIds = cart.items!.map((item) => item.id)
    const before = await versionOf(cart.id)
    await Promise.all(
      range(WRITERS).map((i) =>
        fixture.service.setLineItemTaxLines(
          cart.id,
          itemIds.map((itemId) => ({ item_id: itemId, code: `SET_${i}`, rate: i })),
        ),
      ),
    )
    const lines = await fixture.service.listLineItemTaxLines({ item_id: itemIds })
    expect(lines).toHaveLength(itemIds.length)
    expect(new Set(lines.map((line) => line.code)).size).toBe(1)
    expect(new Set(lines.map((line) => line.item_id))).toEqual(new Set(itemIds))
    expect(await versionOf(cart.id)).toBe(before + WRITERS)
  })

  it("parallel writers of different kinds on one cart all land", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "A", quantity: 1, unit_price: 10 }] })
    const itemId = cart.items![0]!.id
    const before = await versionOf(cart.id)
    await Promise.all(
      range(WRITERS).map((i) => {
        switch (i % 4) {
          case 0:
            return fixture.service.addLineItems(cart.id, [{ title: `L${i}`, quantity: 1, unit_price: 1 }])
          case 1:
            return fixture.service.addShippingMethods(cart.id, [{ name: `S${i}`, amount: 1 }])
          case 2:
            return fixture.service.addLineItemAdjustments(cart.id, [{ item_id: itemId, code: `A${i}`, amount: 1 }])
          default:
            return fixture.service.createCreditLines({ cart_id: cart.id, amount: 1 })
        }
      }),
    )
    const full = await fixture.service.retrieveCart(cart.id, { relations: ["items.adjustments", "shipping_methods", "credit_lines"] })
    expect(full.items).toHaveLength(1 + WRITERS / 4)
    expect(full.shipping_methods).toHaveLength(WRITERS / 4)
    expect(full.items!.find((item) => item.id === itemId)!.adjustments).toHaveLength(WRITERS / 4)
    expect(full.credit_lines).toHaveLength(WRITERS / 4)
    expect(full.version).toBe(before + WRITERS)
  })
})
