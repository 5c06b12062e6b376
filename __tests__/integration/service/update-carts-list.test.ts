import { useCartModule } from "../../support/cart-module-fixture"

const fixture = useCartModule()

const newCart = async (data: { metadata?: Record<string, unknown> } = {}): Promise<string> =>
  (await fixture.service.createCarts({ currency_code: "usd", ...data })).id

async function versionOf(id: string): Promise<number> {
  return (await fixture.service.retrieveCart(id, { select: ["version"] })).version
}

describe("updateCarts([{ id, ... }])", () => {
  beforeEach(() => fixture.events.clear())

  it("gives each cart its own fields, bumps each version once and emits one cart.updated per entry", async () => {
    const [a, b, c] = [await newCart(), await newCart(), await newCart()]
    const before = await Promise.all([a, b, c].map(versionOf))
    fixture.events.clear()
    const updated = await fixture.service.updateCarts([
      { id: c, email: "c@example.com" },
      { id: a, locale: "fr-FR", metadata: { n: 1 } },
      { id: b, email: "b@example.com", currency_code: "EUR" },
    ])
    expect(updated.map((cart) => [cart.id, cart.email, cart.locale, cart.currency_code])).toEqual([
      [c, "c@example.com", null, "usd"],
      [a, null, "fr-FR", "usd"],
      [b, "b@example.com", null, "eur"],
    ])
    expect(updated.map((cart) => [cart.shipping_address, cart.billing_address])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ])
    expect(await Promise.all([a, b, c].map(versionOf))).toEqual(before.map((version) => version + 1))
    expect(fixture.events.events.map((event) => [event.name, event.data.id, event.data.changed])).toEqual([
      ["cart.updated", c, ["email"]],
      ["cart.updated", a, ["locale", "metadata"]],
      ["cart.updated", b, ["email", "currency_code"]],
    ])
  })

  it("applies both entries of a cart named twice, in list order", async () => {
    const id = await newCart({ metadata: { keep: true } })
    const updated = await fixture.service.updateCarts([
      { id, email: "first@example.com", metadata: { one: 1 } },
      { id, email: "second@example.com", metadata: { two: 2 } },
    ])
    expect(updated.map((cart) => cart.email)).toEqual(["first@example.com", "second@example.com"])
    const stored = await fixture.service.retrieveCart(id, { select: ["email", "metadata"] })
    expect(stored).toMatchObject({ email: "second@example.com", metadata: { keep: true, one: 1, two: 2 } })
  })

  it("writes an entry with a new address next to plain ones, returning each in list order", async () => {
    const [a, b] = [await newCart(), await newCart()]
    const updated = await fixture.service.updateCarts([
      { id: a, email: "a@example.com" },
      { id: b, shipping_address: { city: "Lyon" } },
    ])
    expect(updated.map((cart) => cart.id)).toEqual([a, b])
    expect(updated[0]).toMatchObject({ email: "a@example.com", shipping_address: null })
    expect(updated[1]?.shipping_address).toMatchObject({ city: "Lyon" })
    const stored = await fixture.service.retrieveCart(b, { select: ["id"], relations: ["shipping_address"] })
    expect(stored.shipping_address?.city).toBe("Lyon")
  })

  it("updates a completed cart (completion is itself a cart update)", async () => {
    const id = await newCart()
    await fixture.service.updateCarts(id, { completed_at: new Date() })
    const [updated] = await fixture.service.updateCarts([{ id, email: "late@example.com" }])
    expect(updated?.email).toBe("late@example.com")
  })

  it("with a stale expectedVersion fails with conflict and writes nothing", async () => {
    const id = await newCart()
    const version = await versionOf(id)
    await expect(fixture.service.updateCarts([{ id, email: "x@example.com" }], { expectedVersion: version - 1 })).rejects.toMatchObject({
      type: "conflict",
      cartId: id,
      currentVersion: version,
    })
    expect(await fixture.service.retrieveCart(id, { select: ["email", "version"] })).toMatchObject({ email: null, version })
  })

  it("with the current expectedVersion succeeds", async () => {
    const id = await newCart()
    const version = await versionOf(id)
    await fixture.service.updateCarts([{ id, email: "x@example.com" }], { expectedVersion: version })
    expect(await versionOf(id)).toBe(version + 1)
  })

  it("names every missing or soft-deleted cart in list order and writes nothing", async () => {
    const [live, deleted] = [await newCart(), await newCart()]
    await fixture.service.softDeleteCarts(deleted)
    const version = await versionOf(live)
    fixture.events.clear()
    await expect(
      fixture.service.updateCarts([
        { id: "cart_gone", email: "x@example.com" },
        { id: live, email: "x@example.com" },
        { id: deleted, email: "x@example.com" },
      ]),
    ).rejects.toMatchObject({ type: "not_found", message: `Cart with id "cart_gone, ${deleted}" not found` })
    expect(await fixture.service.retrieveCart(live, { select: ["email", "version"] })).toMatchObject({ email: null, version })
    expect(fixture.events.events).toEqual([])
  })
})
