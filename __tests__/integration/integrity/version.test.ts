import { aCartWithEveryChildKind } from "../../support/cart-builders"
import { useCartModule } from "../../support/cart-module-fixture"
import { CHILD_WRITES } from "./child-writes"
import type { ChildWrite } from "./child-writes"
import { ConflictError } from "../../../src/errors/errors"
import { snapshotDatabase } from "./database-snapshot"

const fixture = useCartModule()

/** A cart with one row of every child kind. */
const aFullCart = () => aCartWithEveryChildKind(fixture.service)

async function stamp(cartId: string): Promise<{ version: number; updatedAt: number }> {
  const cart = await fixture.service.retrieveCart(cartId, { select: ["version", "updated_at"] })
  return { version: cart.version, updatedAt: new Date(cart.updated_at as Date | string).getTime() }
}

/** The cart's own update, then every write to its children. */
const writes: readonly ChildWrite[] = [
  ["updateCarts", (s, f, ctx) => s.updateCarts(f.cart, { email: "x@example.com" }, ctx)],
  ...CHILD_WRITES,
]

describe("cart version", () => {
  it.each(writes)("%s bumps the cart's version by one and its updated_at", async (_name, write) => {
    const f = await aFullCart()
    const before = await stamp(f.cart)
    await write(fixture.service, f)
    const after = await stamp(f.cart)
    expect(after.version).toBe(before.version + 1)
    expect(after.updatedAt).toBeGreaterThan(before.updatedAt)
  })

  it.each(writes)("%s with the current expectedVersion succeeds", async (_name, write) => {
    const f = await aFullCart()
    const { version } = await stamp(f.cart)
    await write(fixture.service, f, { expectedVersion: version })
    expect((await stamp(f.cart)).version).toBe(version + 1)
  })

  it.each(writes)("%s with a stale expectedVersion fails with conflict and currentVersion, writing nothing", async (_name, write) => {
    const f = await aFullCart()
    const { version } = await stamp(f.cart)
    const before = await snapshotDatabase(fixture.module)
    const error = await write(fixture.service, f, { expectedVersion: version - 1 }).then(
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
