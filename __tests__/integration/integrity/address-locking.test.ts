import { useCartModule } from "../../support/cart-module-fixture"
import { holdCartLock } from "../../support/lock-waiters"
import type { CartContext } from "../../../src/persistence/unit-of-work"
import { snapshotDatabase } from "./database-snapshot"
import { expectNotFound } from "../../support/expectations"

const fixture = useCartModule()

interface CartWithAddresses {
  cart: string
  shipping: string
  billing: string
}

async function aCartWithAddresses(): Promise<CartWithAddresses> {
  const cart = await fixture.service.createCarts({
    currency_code: "usd",
    shipping_address: { city: "Paris" },
    billing_address: { city: "Lyon" },
  })
  return { cart: cart.id, shipping: cart.shipping_address!.id, billing: cart.billing_address!.id }
}

async function stateOf(cartId: string): Promise<{ version: number; updated_at: Date }> {
  const cart = await fixture.service.retrieveCart(cartId, { select: ["version", "updated_at"] })
  return { version: cart.version, updated_at: new Date(cart.updated_at) }
}

type Write = readonly [string, (c: CartWithAddresses, ctx?: CartContext) => Promise<unknown>]

/** Each address write, given a cart whose addresses are live (restore soft-deletes first, untimed). */
const writes: readonly Write[] = [
  ["updateAddresses", (c, ctx) => fixture.service.updateAddresses({ id: c.shipping, city: "Nice" }, ctx)],
  [
    "updateAddresses with both of its addresses (one bump)",
    (c, ctx) =>
      fixture.service.updateAddresses(
        [
          { id: c.shipping, city: "Nice" },
          { id: c.billing, city: "Metz" },
        ],
        ctx,
      ),
  ],
  ["deleteAddresses", (c, ctx) => fixture.service.deleteAddresses([c.shipping], ctx)],
  ["softDeleteAddresses", (c, ctx) => fixture.service.softDeleteAddresses([c.shipping], {}, ctx)],
  ["restoreAddresses", (c, ctx) => fixture.service.restoreAddresses([c.shipping], {}, ctx)],
]

async function prepare(name: string): Promise<CartWithAddresses> {
  const cart = await aCartWithAddresses()
  if (name === "restoreAddresses") await fixture.service.softDeleteAddresses([cart.shipping])
  return cart
}

describe("address writes on a cart's address", () => {
  it.each(writes)("%s bumps the cart's version once and its updated_at", async (name, write) => {
    const cart = await prepare(name)
    const before = await stateOf(cart.cart)
    await write(cart)
    const after = await stateOf(cart.cart)
    expect(after.version).toBe(before.version + 1)
    expect(after.updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime())
  })

  it.each(writes)("%s with a stale expectedVersion is a conflict and writes nothing", async (name, write) => {
    const cart = await prepare(name)
    const { version } = await stateOf(cart.cart)
    const before = await snapshotDatabase(fixture.module)
    await expect(write(cart, { expectedVersion: version - 1 })).rejects.toMatchObject({ type: "conflict" })
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
  })

  it.each(writes)("%s is still allowed on a completed cart (addresses are not frozen by completion)", async (name, write) => {
    const cart = await prepare(name)
    await fixture.service.updateCarts(cart.cart, { completed_at: new Date() })
    const before = await stateOf(cart.cart)
    await write(cart)
    expect((await stateOf(cart.cart)).version).toBe(before.version + 1)
  })

  it("waits for a transaction that holds the cart's lock", async () => {
    const cart = await aCartWithAddresses()
    const host = await holdCartLock(fixture.service, (ctx) =>
      fixture.service.addLineItems(cart.cart, [{ title: "Tee", quantity: 1, unit_price: 1 }], ctx),
    )
    let settled = false
    const update = fixture.service.updateAddresses({ id: cart.shipping, city: "Nice" }).then(() => (settled = true))
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(settled).toBe(false)
    await host.release()
    await update
    expect(settled).toBe(true)
    expect((await stateOf(cart.cart)).version).toBe(3)
  })

  it("serialises parallel metadata merges on one address with the cart's other writers", async () => {
    const cart = await aCartWithAddresses()
    const before = await stateOf(cart.cart)
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => fixture.service.updateAddresses({ id: cart.shipping, metadata: { [`k${i}`]: i } })),
    )
    const [address] = await fixture.service.listAddresses({ id: cart.shipping })
    expect(Object.keys(address!.metadata ?? {})).toHaveLength(8)
    expect((await stateOf(cart.cart)).version).toBe(before.version + 8)
  })
})

describe("standalone addresses", () => {
  it("are written without touching any cart", async () => {
    const other = await aCartWithAddresses()
    const before = await stateOf(other.cart)
    const [address] = await fixture.service.createAddresses([{ city: "Oslo" }])
    await fixture.service.updateAddresses({ id: address!.id, city: "Bergen" })
    await fixture.service.softDeleteAddresses([address!.id])
    await fixture.service.restoreAddresses([address!.id])
    await fixture.service.deleteAddresses([address!.id])
    expect(await fixture.service.listAddresses({ id: address!.id })).toHaveLength(0)
    expect(await stateOf(other.cart)).toEqual(before)
  })

  it("still report a missing id as not found on update", async () => {
    await expect(fixture.service.updateAddresses({ id: "caaddr_missing", city: "X" })).rejects.toMatchObject({ type: "not_found" })
  })
})

describe("createAddresses under a cart", () => {
  it("locks and bumps that cart", async () => {
    const cart = await aCartWithAddresses()
    const before = await stateOf(cart.cart)
    const [address] = await fixture.service.createAddresses([{ cart_id: cart.cart, city: "Rome" } as never])
    expect(address).toMatchObject({ cart_id: cart.cart })
    expect((await stateOf(cart.cart)).version).toBe(before.version + 1)
  })

  it("fails with not_found for an unknown cart, writing nothing", async () => {
    const before = await snapshotDatabase(fixture.module)
    await expectNotFound(
      fixture.service.createAddresses([{ cart_id: "cart_missing", city: "Rome" } as never]),
      "You tried to set relationship cart_id: cart_missing, but such entity does not exist",
    )
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
  })

  it("refuses a cart_id that is not an id with invalid_data naming it, writing nothing", async () => {
    const before = await snapshotDatabase(fixture.module)
    await expect(fixture.service.createAddresses([{ cart_id: 42, city: "Rome" } as never])).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: ["cart_id"] })],
    })
    expect(await snapshotDatabase(fixture.module)).toEqual(before)
  })
})
