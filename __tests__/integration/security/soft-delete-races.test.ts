import { useCartModule } from "../../support/cart-module-fixture"
import { waitForLockWaiters } from "../../support/lock-waiters"
import { CartModuleError } from "../../../src/errors/cart-module-error"
import type { CartContext } from "../../../src/persistence/unit-of-work"

jest.setTimeout(60_000)

const fixture = useCartModule()

const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )

function errorType(outcome: object): string | undefined {
  const error = "error" in outcome ? outcome.error : undefined
  return CartModuleError.is(error) ? error.type : undefined
}

/** Runs `first` in a transaction, starts `second` once `first` holds the cart lock, and commits `first` only after `second` queued behind it. */
async function race<T>(first: (ctx: CartContext) => Promise<unknown>, second: () => Promise<T>) {
  let started: Promise<{ value: T } | { error: unknown }> | undefined
  await fixture.service.transaction(async (ctx) => {
    await first(ctx)
    started = settle(second())
    await waitForLockWaiters(fixture.database.url)
  })
  return started!
}

describe("soft delete, restore and child writes serialise on the cart lock taken before reading", () => {
  it("an item added while softDeleteCarts waits for the lock is deleted with the cart", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "Old", quantity: 1, unit_price: 1 }] })
    const outcome = await race(
      (ctx) => fixture.service.addLineItems(cart.id, [{ title: "New", quantity: 1, unit_price: 1 }], ctx),
      () => fixture.service.softDeleteCarts(cart.id),
    )
    expect(outcome).toEqual({ value: expect.objectContaining({ cart_id: [cart.id] }) })
    const live = await fixture.service.listLineItems({ cart_id: cart.id })
    expect(live).toEqual([])
    const all = await fixture.service.listLineItems({ cart_id: cart.id }, { withDeleted: true })
    expect(all.map((item) => item.title).sort()).toEqual(["New", "Old"])
    // Restore brings back both, as they went together.
    await fixture.service.restoreCarts(cart.id)
    expect((await fixture.service.listLineItems({ cart_id: cart.id })).map((item) => item.title).sort()).toEqual(["New", "Old"])
  })

  it("an add waiting while the cart is soft-deleted fails with not_found and writes nothing", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const outcome = await race(
      (ctx) => fixture.service.softDeleteCarts(cart.id, {}, ctx),
      () => fixture.service.addLineItems(cart.id, [{ title: "Late", quantity: 1, unit_price: 1 }]),
    )
    expect(errorType(outcome)).toBe("not_found")
    expect(await fixture.service.listLineItems({ cart_id: cart.id }, { withDeleted: true })).toEqual([])
  })

  it("an adjustment for a line soft-deleted while it waited is not_found, and none is written", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "Line", quantity: 1, unit_price: 10 }] })
    const itemId = cart.items![0]!.id
    const outcome = await race(
      (ctx) => fixture.service.softDeleteLineItems([itemId], {}, ctx),
      () => fixture.service.addLineItemAdjustments([{ item_id: itemId, amount: 1, code: "X" }]),
    )
    expect(errorType(outcome)).toBe("not_found")
    expect(await fixture.service.listLineItemAdjustments({ item_id: itemId }, { withDeleted: true })).toEqual([])
  })

  it("updateLineItems(id) on a line soft-deleted while it waited is not_found", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "Line", quantity: 1, unit_price: 10 }] })
    const itemId = cart.items![0]!.id
    const outcome = await race(
      (ctx) => fixture.service.softDeleteLineItems([itemId], {}, ctx),
      () => fixture.service.updateLineItems(itemId, { quantity: 5 }),
    )
    expect(errorType(outcome)).toBe("not_found")
    const [item] = await fixture.service.listLineItems({ id: itemId }, { withDeleted: true })
    expect(Number(item!.quantity)).toBe(1)
  })

  it("a tax line set for a line soft-deleted while it waited is not_found", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "Line", quantity: 1, unit_price: 10 }] })
    const itemId = cart.items![0]!.id
    const outcome = await race(
      (ctx) => fixture.service.softDeleteLineItems([itemId], {}, ctx),
      () => fixture.service.setLineItemTaxLines(cart.id, [{ item_id: itemId, code: "VAT", rate: 20 }]),
    )
    expect(errorType(outcome)).toBe("not_found")
    expect(await fixture.service.listLineItemTaxLines({ item_id: itemId }, { withDeleted: true })).toEqual([])
  })

  it("a restore of a line whose cart was soft-deleted while it waited is not_found", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [{ title: "Line", quantity: 1, unit_price: 10 }] })
    const itemId = cart.items![0]!.id
    await fixture.service.softDeleteLineItems([itemId])
    const outcome = await race(
      (ctx) => fixture.service.softDeleteCarts(cart.id, {}, ctx),
      () => fixture.service.restoreLineItems([itemId]),
    )
    expect(errorType(outcome)).toBe("not_found")
  })
})
