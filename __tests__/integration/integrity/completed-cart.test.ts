import { aCartWithEveryChildKind } from "../../support/cart-builders"
import type { CartWithEveryChildKind } from "../../support/cart-builders"
import { useCartModule } from "../../support/cart-module-fixture"
import { CHILD_WRITES } from "./child-writes"
import { snapshotDatabase } from "./database-snapshot"

const fixture = useCartModule()

type CompletedCart = CartWithEveryChildKind

/** A cart with one of every child, then completed. */
async function aCompletedCart(): Promise<CompletedCart> {
  const cart = await aCartWithEveryChildKind(fixture.service)
  await fixture.service.updateCarts(cart.cart, { completed_at: new Date() })
  return cart
}

describe("a completed cart", () => {
  it.each(CHILD_WRITES)("refuses %s with not_allowed and writes nothing", async (_name, write) => {
    const cart = await aCompletedCart()
    const before = await snapshotDatabase(fixture.module)
    await expect(write(fixture.service, cart)).rejects.toMatchObject({
      type: "not_allowed",
      message: `Cart with id "${cart.cart}" is completed and can no longer be changed`,
    })
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
  })

  it.each(CHILD_WRITES)("allows %s with { allowCompletedCartWrites: true }", async (_name, write) => {
    const cart = await aCompletedCart()
    const { version } = await fixture.service.retrieveCart(cart.cart, { select: ["version"] })
    await write(fixture.service, cart, { allowCompletedCartWrites: true })
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
