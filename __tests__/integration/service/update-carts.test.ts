import { useCartModule } from "../../support/cart-module-fixture"
import { expectNotFound } from "../../support/expectations"

const fixture = useCartModule()

const newCart = async (data: { metadata?: Record<string, unknown>; customer_id?: string } = {}): Promise<string> =>
  (await fixture.service.createCarts({ currency_code: "usd", ...data })).id

describe("updateCarts", () => {
  it("(id, data) updates one cart and returns it as an object", async () => {
    const id = await newCart()
    const updated = await fixture.service.updateCarts(id, { email: "new@example.com" })
    expect(Array.isArray(updated)).toBe(false)
    expect(updated).toMatchObject({ id, email: "new@example.com" })
  })

  it("(selector, data) updates and returns every matching cart", async () => {
    const customer = `cus_${Date.now()}`
    const ids = [await newCart({ customer_id: customer }), await newCart({ customer_id: customer })]
    const other = await newCart()
    await fixture.service.updateCarts(ids[0]!, { email: "moved@example.com" })
    const updated = await fixture.service.updateCarts({ customer_id: customer }, { locale: "fr-FR" })
    expect(updated.map((cart) => cart.id)).toEqual(ids)
    expect(updated.every((cart) => cart.locale === "fr-FR")).toBe(true)
    expect((await fixture.service.retrieveCart(other, { select: ["locale"] })).locale).toBeNull()
  })

  it("(selector, data) with a new shipping_address gives every cart its own copy", async () => {
    const customer = `cus_addr_${Date.now()}`
    await newCart({ customer_id: customer })
    await newCart({ customer_id: customer })
    const updated = await fixture.service.updateCarts({ customer_id: customer }, { shipping_address: { city: "Lyon" } })
    const carts = await fixture.service.listCarts(
      { id: updated.map((cart) => cart.id) },
      { select: ["id"], relations: ["shipping_address"] },
    )
    expect(carts.map((cart) => cart.shipping_address?.city)).toEqual(["Lyon", "Lyon"])
    expect(new Set(carts.map((cart) => cart.shipping_address?.id)).size).toBe(2)
  })

  it("[{ id, ... }] updates each cart with its own data, in input order", async () => {
    const [a, b] = [await newCart(), await newCart()]
    const updated = await fixture.service.updateCarts([
      { id: b, email: "b@example.com" },
      { id: a, email: "a@example.com" },
    ])
    expect(updated.map((cart) => [cart.id, cart.email])).toEqual([
      [b, "b@example.com"],
      [a, "a@example.com"],
    ])
  })

  it("stores currency_code lower-case", async () => {
    const id = await newCart()
    expect((await fixture.service.updateCarts(id, { currency_code: "EUR" })).currency_code).toBe("eur")
    const [viaList] = await fixture.service.updateCarts([{ id, currency_code: "GBP" }])
    expect(viaList?.currency_code).toBe("gbp")
    expect((await fixture.service.retrieveCart(id, { select: ["currency_code"] })).currency_code).toBe("gbp")
  })

  it("rejects an invalid currency code with invalid_data and changes nothing", async () => {
    const id = await newCart()
    await expect(fixture.service.updateCarts(id, { currency_code: "euro" })).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: ["currency_code"] })],
    })
    expect((await fixture.service.retrieveCart(id, { select: ["currency_code"] })).currency_code).toBe("usd")
  })

  it("merges metadata by top-level key and removes a key set to an empty string", async () => {
    const id = await newCart({ metadata: { keep: 1, drop: "x", nested: { a: 1 } } })
    const updated = await fixture.service.updateCarts(id, { metadata: { drop: "", added: true, nested: { b: 2 } } })
    expect(updated.metadata).toEqual({ keep: 1, added: true, nested: { b: 2 } })
    expect((await fixture.service.retrieveCart(id, { select: ["metadata"] })).metadata).toEqual({ keep: 1, added: true, nested: { b: 2 } })
  })

  it("fails with not_found naming a missing id, and updates none of the list", async () => {
    const id = await newCart()
    await expectNotFound(fixture.service.updateCarts("cart_missing", { email: "x@example.com" }), 'Cart with id "cart_missing" not found')
    await expect(
      fixture.service.updateCarts([
        { id, email: "changed@example.com" },
        { id: "cart_gone", email: "x@example.com" },
      ]),
    ).rejects.toMatchObject({ type: "not_found", message: 'Cart with id "cart_gone" not found' })
    expect((await fixture.service.retrieveCart(id, { select: ["email"] })).email).toBeNull()
  })

  it("treats a soft-deleted cart as missing", async () => {
    const id = await newCart()
    await fixture.service.softDeleteCarts(id)
    await expect(fixture.service.updateCarts(id, { email: "x@example.com" })).rejects.toMatchObject({ type: "not_found" })
  })

  it("bumps the version on each update", async () => {
    const id = await newCart()
    const before = await fixture.service.retrieveCart(id, { select: ["version"] })
    await fixture.service.updateCarts(id, { email: "v@example.com" })
    const after = await fixture.service.retrieveCart(id, { select: ["version"] })
    expect(Number(after.version)).toBe(Number(before.version) + 1)
  })
})

describe("updateCarts in a shared transaction", () => {
  it("commits with the other calls of the transaction", async () => {
    const id = await newCart()
    await fixture.service.transaction(async (ctx) => {
      await fixture.service.updateCarts(id, { email: "tx@example.com" }, ctx)
      await fixture.service.addLineItems(id, [{ title: "Tee", quantity: 1, unit_price: 1 }], ctx)
      // Reads on the same context see the transaction's own writes.
      expect((await fixture.service.retrieveCart(id, { select: ["email"] }, ctx)).email).toBe("tx@example.com")
    })
    const cart = await fixture.service.retrieveCart(id, { select: ["email"], relations: ["items"] })
    expect(cart.email).toBe("tx@example.com")
    expect(cart.items).toHaveLength(1)
  })

  it("rolls back both calls when the second fails", async () => {
    const id = await newCart()
    await expect(
      fixture.service.transaction(async (ctx) => {
        await fixture.service.updateCarts(id, { email: "rolled@example.com" }, ctx)
        await fixture.service.addLineItems(id, [{ title: "Bad", quantity: 0, unit_price: 1 }], ctx)
      }),
    ).rejects.toMatchObject({ type: "invalid_data" })
    const cart = await fixture.service.retrieveCart(id, { select: ["email"], relations: ["items"] })
    expect(cart.email).toBeNull()
    expect(cart.items).toEqual([])
  })
})
