import { aCartWithEveryChildKind } from "../../support/cart-builders"
import type { CartWithEveryChildKind } from "../../support/cart-builders"
import { useCartModule } from "../../support/cart-module-fixture"
import type { CartContext } from "../../../src/persistence/unit-of-work"
import { snapshotDatabase } from "./database-snapshot"

const fixture = useCartModule()

type CompletedCart = CartWithEveryChildKind

/** A cart with one of every child, then completed. */
async function aCompletedCart(): Promise<CompletedCart> {
  const cart = await aCartWithEveryChildKind(fixture.service)
  await fixture.service.updateCarts(cart.cart, { completed_at: new Date() })
  return cart
}

type Write = readonly [string, (c: CompletedCart, ctx?: CartContext) => Promise<unknown>]

const writes: readonly Write[] = [
  ["addLineItems", (c, ctx) => fixture.service.addLineItems(c.cart, [{ title: "Mug", quantity: 1, unit_price: 5 }], ctx)],
  [
    "addLineItems (object form)",
    (c, ctx) => fixture.service.addLineItems({ cart_id: c.cart, title: "Mug", quantity: 1, unit_price: 5 }, ctx),
  ],
  ["updateLineItems by id", (c, ctx) => fixture.service.updateLineItems(c.item, { quantity: 3 }, ctx)],
  ["updateLineItems by selector", (c, ctx) => fixture.service.updateLineItems({ cart_id: c.cart }, { quantity: 3 }, ctx)],
  ["deleteLineItems", (c, ctx) => fixture.service.deleteLineItems([c.item], ctx)],
  ["softDeleteLineItems", (c, ctx) => fixture.service.softDeleteLineItems([c.item], {}, ctx)],
  ["addShippingMethods", (c, ctx) => fixture.service.addShippingMethods(c.cart, [{ name: "Express", amount: 9 }], ctx)],
  ["updateShippingMethods", (c, ctx) => fixture.service.updateShippingMethods(c.shipping, { amount: 7 }, ctx)],
  ["deleteShippingMethods", (c, ctx) => fixture.service.deleteShippingMethods([c.shipping], ctx)],
  ["addLineItemTaxLines", (c, ctx) => fixture.service.addLineItemTaxLines(c.cart, [{ item_id: c.item, code: "GST", rate: 5 }], ctx)],
  ["setLineItemTaxLines", (c, ctx) => fixture.service.setLineItemTaxLines(c.cart, [{ item_id: c.item, code: "GST", rate: 5 }], ctx)],
  ["setLineItemTaxLines to [] (clearing)", (c, ctx) => fixture.service.setLineItemTaxLines(c.cart, [], ctx)],
  ["updateLineItemTaxLines", (c, ctx) => fixture.service.updateLineItemTaxLines(c.itemTax, { rate: 7 }, ctx)],
  [
    "addLineItemAdjustments",
    (c, ctx) => fixture.service.addLineItemAdjustments(c.cart, [{ item_id: c.item, code: "MORE", amount: 1 }], ctx),
  ],
  [
    "setLineItemAdjustments",
    (c, ctx) => fixture.service.setLineItemAdjustments(c.cart, [{ item_id: c.item, code: "MORE", amount: 1 }], ctx),
  ],
  ["deleteLineItemAdjustments", (c, ctx) => fixture.service.deleteLineItemAdjustments([c.itemAdjustment], ctx)],
  [
    "addShippingMethodTaxLines",
    (c, ctx) => fixture.service.addShippingMethodTaxLines(c.cart, [{ shipping_method_id: c.shipping, code: "VAT", rate: 20 }], ctx),
  ],
  [
    "setShippingMethodAdjustments",
    (c, ctx) => fixture.service.setShippingMethodAdjustments(c.cart, [{ shipping_method_id: c.shipping, amount: 1 }], ctx),
  ],
  ["createCreditLines", (c, ctx) => fixture.service.createCreditLines({ cart_id: c.cart, amount: 5 }, ctx)],
]

describe("a completed cart", () => {
  it.each(writes)("refuses %s with not_allowed and writes nothing", async (_name, write) => {
    const cart = await aCompletedCart()
    const before = await snapshotDatabase(fixture.module)
    await expect(write(cart)).rejects.toMatchObject({
      type: "not_allowed",
      message: `Cart with id "${cart.cart}" is completed and can no longer be changed`,
    })
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
  })

  it.each(writes)("allows %s with { allowCompletedCartWrites: true }", async (_name, write) => {
    const cart = await aCompletedCart()
    const { version } = await fixture.service.retrieveCart(cart.cart, { select: ["version"] })
    await write(cart, { allowCompletedCartWrites: true })
    const after = await fixture.service.retrieveCart(cart.cart, { select: ["version", "completed_at"] })
    expect(after.version).toBe(version + 1)
    expect(after.completed_at).not.toBeNull()
  })

  it("still accepts reads and cart-level updates (completion itself is a cart update)", async () => {
    const cart = await aCompletedCart()
    const updated = await fixture.service.updateCarts(cart.cart, { email: "late@example.com" })
    expect(updated.email).toBe("late@example.com")
    const items = await fixture.service.listLineItems({ cart_id: cart.cart })
    expect(items).toHaveLength(1)
  })
})
