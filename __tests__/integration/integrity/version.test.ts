import { aCartWithEveryChildKind } from "../../support/cart-builders"
import type { CartWithEveryChildKind } from "../../support/cart-builders"
import { useCartModule } from "../../support/cart-module-fixture"
import type { CartContext } from "../../../src/persistence/unit-of-work"
import { ConflictError } from "../../../src/errors/errors"
import { snapshotDatabase } from "./database-snapshot"

const fixture = useCartModule()

/** A cart with one row of every child kind. */
const aFullCart = () => aCartWithEveryChildKind(fixture.service)

async function stamp(cartId: string): Promise<{ version: number; updatedAt: number }> {
  const cart = await fixture.service.retrieveCart(cartId, { select: ["version", "updated_at"] })
  return { version: cart.version, updatedAt: new Date(cart.updated_at as Date | string).getTime() }
}

type Write = readonly [string, (f: CartWithEveryChildKind, ctx?: CartContext) => Promise<unknown>]

const writes: readonly Write[] = [
  ["updateCarts", (f, ctx) => fixture.service.updateCarts(f.cart, { email: "x@example.com" }, ctx)],
  ["addLineItems", (f, ctx) => fixture.service.addLineItems(f.cart, [{ title: "Mug", quantity: 1, unit_price: 5 }], ctx)],
  ["updateLineItems", (f, ctx) => fixture.service.updateLineItems(f.item, { quantity: 2 }, ctx)],
  ["deleteLineItems", (f, ctx) => fixture.service.deleteLineItems([f.item], ctx)],
  ["softDeleteLineItems", (f, ctx) => fixture.service.softDeleteLineItems([f.item], {}, ctx)],
  ["addShippingMethods", (f, ctx) => fixture.service.addShippingMethods(f.cart, [{ name: "Fast", amount: 9 }], ctx)],
  ["updateShippingMethods", (f, ctx) => fixture.service.updateShippingMethods(f.shipping, { amount: 6 }, ctx)],
  ["deleteShippingMethods", (f, ctx) => fixture.service.deleteShippingMethods([f.shipping], ctx)],
  ["addLineItemTaxLines", (f, ctx) => fixture.service.addLineItemTaxLines(f.cart, [{ item_id: f.item, code: "GST", rate: 5 }], ctx)],
  [
    "setLineItemTaxLines",
    (f, ctx) => fixture.service.setLineItemTaxLines(f.cart, [{ id: f.itemTax, item_id: f.item, code: "VAT", rate: 19 }], ctx),
  ],
  ["updateLineItemTaxLines", (f, ctx) => fixture.service.updateLineItemTaxLines(f.itemTax, { rate: 7 }, ctx)],
  ["deleteLineItemTaxLines", (f, ctx) => fixture.service.deleteLineItemTaxLines([f.itemTax], ctx)],
  ["addLineItemAdjustments", (f, ctx) => fixture.service.addLineItemAdjustments(f.cart, [{ item_id: f.item, code: "Q", amount: 1 }], ctx)],
  ["setLineItemAdjustments", (f, ctx) => fixture.service.setLineItemAdjustments(f.cart, [], ctx)],
  [
    "upsertLineItemAdjustments",
    (f, ctx) => fixture.service.upsertLineItemAdjustments([{ id: f.itemAdjustment, item_id: f.item, amount: 3 }], ctx),
  ],
  ["deleteLineItemAdjustments", (f, ctx) => fixture.service.deleteLineItemAdjustments([f.itemAdjustment], ctx)],
  [
    "addShippingMethodTaxLines",
    (f, ctx) => fixture.service.addShippingMethodTaxLines(f.cart, [{ shipping_method_id: f.shipping, code: "GST", rate: 5 }], ctx),
  ],
  ["setShippingMethodTaxLines", (f, ctx) => fixture.service.setShippingMethodTaxLines(f.cart, [], ctx)],
  [
    "addShippingMethodAdjustments",
    (f, ctx) => fixture.service.addShippingMethodAdjustments(f.cart, [{ shipping_method_id: f.shipping, amount: 1 }], ctx),
  ],
  ["deleteShippingMethodAdjustments", (f, ctx) => fixture.service.deleteShippingMethodAdjustments([f.shippingAdjustment], ctx)],
  ["createCreditLines", (f, ctx) => fixture.service.createCreditLines({ cart_id: f.cart, amount: 1 }, ctx)],
  ["updateCreditLines", (f, ctx) => fixture.service.updateCreditLines(f.credit, { amount: 3 }, ctx)],
  ["deleteCreditLines", (f, ctx) => fixture.service.deleteCreditLines([f.credit], ctx)],
]

describe("cart version", () => {
  it.each(writes)("%s bumps the cart's version by one and its updated_at", async (_name, write) => {
    const f = await aFullCart()
    const before = await stamp(f.cart)
    await write(f)
    const after = await stamp(f.cart)
    expect(after.version).toBe(before.version + 1)
    expect(after.updatedAt).toBeGreaterThan(before.updatedAt)
  })

  it.each(writes)("%s with the current expectedVersion succeeds", async (_name, write) => {
    const f = await aFullCart()
    const { version } = await stamp(f.cart)
    await write(f, { expectedVersion: version })
    expect((await stamp(f.cart)).version).toBe(version + 1)
  })

  it.each(writes)("%s with a stale expectedVersion fails with conflict and currentVersion, writing nothing", async (_name, write) => {
    const f = await aFullCart()
    const { version } = await stamp(f.cart)
    const before = await snapshotDatabase(fixture.module)
    const error = await write(f, { expectedVersion: version - 1 }).then(
      () => undefined,
      (caught: unknown) => caught,
    )
    expect(error).toBeInstanceOf(ConflictError)
    expect(error).toMatchObject({ type: "conflict", cartId: f.cart, currentVersion: version })
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
  })

  it("starts at 1 for a new cart and is not settable by callers", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", ...({ version: 99 } as object) })
    expect((await stamp(cart.id)).version).toBe(1)
    await fixture.service.updateCarts(cart.id, { email: "a@b.c", ...({ version: 50 } as object) })
    expect((await stamp(cart.id)).version).toBe(2)
  })
})
