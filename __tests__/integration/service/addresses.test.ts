import { useCartModule } from "../../support/cart-module-fixture"
import { expectNotFound } from "../../support/expectations"

const fixture = useCartModule()

describe("createAddresses", () => {
  it("creates a standalone address with no cart, as an object for one input", async () => {
    const address = await fixture.service.createAddresses({ first_name: "Ada", city: "London", country_code: "gb" })
    expect(address.id).toMatch(/^caaddr_/)
    expect(address).toMatchObject({ first_name: "Ada", city: "London", cart_id: null })
    expect(await fixture.service.listAddresses({ id: address.id, cart_id: null })).toHaveLength(1)
  })

  it("creates many as an array in input order", async () => {
    const created = await fixture.service.createAddresses([{ city: "A" }, { city: "B" }])
    expect(created.map((address) => address.city)).toEqual(["A", "B"])
  })

  it("rejects a field of the wrong type with invalid_data and writes nothing", async () => {
    const [, before] = await fixture.service.listAndCountAddresses()
    await expect(fixture.service.createAddresses([{ city: "ok" }, { city: 42 as never }])).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: [1, "city"] })],
    })
    const [, after] = await fixture.service.listAndCountAddresses()
    expect(after).toBe(before)
  })
})

describe("updateAddresses", () => {
  it("updates by id, one as an object and many as an array, merging metadata", async () => {
    const [a, b] = await fixture.service.createAddresses([{ city: "A", metadata: { keep: 1, drop: 2 } }, { city: "B" }])
    const one = await fixture.service.updateAddresses({ id: a!.id, city: "A2", metadata: { drop: "" } })
    expect(one).toMatchObject({ id: a!.id, city: "A2", metadata: { keep: 1 } })
    const many = await fixture.service.updateAddresses([{ id: b!.id, phone: "123" }])
    expect(many).toEqual([expect.objectContaining({ id: b!.id, city: "B", phone: "123" })])
  })

  it("fails with not_found naming a missing id and changes nothing", async () => {
    const address = await fixture.service.createAddresses({ city: "Before" })
    await expect(
      fixture.service.updateAddresses([
        { id: address.id, city: "After" },
        { id: "caaddr_missing", city: "x" },
      ]),
    ).rejects.toMatchObject({ type: "not_found", message: 'Address with id "caaddr_missing" not found' })
    expect((await fixture.service.retrieveAddress(address.id)).city).toBe("Before")
  })

  it("requires an id", async () => {
    await expect(fixture.service.updateAddresses({ city: "x" } as never)).rejects.toMatchObject({ type: "invalid_data" })
  })
})

describe("deleteAddresses", () => {
  it("hard-deletes an address and clears the cart's link to it", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", shipping_address: { city: "Gone" } })
    await fixture.service.deleteAddresses(cart.shipping_address!.id)
    expect(await fixture.service.listAddresses({ id: cart.shipping_address!.id }, { withDeleted: true })).toEqual([])
    const reread = await fixture.service.retrieveCart(cart.id, { select: ["id", "shipping_address_id"], relations: ["shipping_address"] })
    expect(reread.shipping_address ?? null).toBeNull()
  })

  it("soft-deletes and restores an address", async () => {
    const address = await fixture.service.createAddresses({ city: "Soft" })
    expect(await fixture.service.softDeleteAddresses(address.id)).toEqual({ address_id: [address.id] })
    expect(await fixture.service.listAddresses({ id: address.id })).toEqual([])
    await fixture.service.restoreAddresses(address.id)
    expect(await fixture.service.listAddresses({ id: address.id })).toHaveLength(1)
  })
})

describe("updateCarts with addresses", () => {
  it("a new shipping_address replaces the cart's address", async () => {
    const cart = await fixture.service.createCarts({
      currency_code: "usd",
      shipping_address: { city: "Old" },
      billing_address: { city: "Bill" },
    })
    const oldId = cart.shipping_address!.id
    await fixture.service.updateCarts(cart.id, { shipping_address: { city: "New", country_code: "fr" } })
    const reread = await fixture.service.retrieveCart(cart.id, { select: ["id"], relations: ["shipping_address", "billing_address"] })
    expect(reread.shipping_address).toMatchObject({ city: "New", country_code: "fr", cart_id: cart.id })
    expect(reread.shipping_address?.id).not.toBe(oldId)
    expect(reread.billing_address?.city).toBe("Bill")
    const cartAddresses = await fixture.service.listAddresses({ cart_id: cart.id }, { select: ["city"] })
    expect(cartAddresses.map((address) => address.city).sort()).toEqual(["Bill", "New"])
  })

  it("an address with an id is updated in place", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", shipping_address: { city: "Old" } })
    const id = cart.shipping_address!.id
    await fixture.service.updateCarts(cart.id, { shipping_address: { id, city: "Edited" } })
    const reread = await fixture.service.retrieveCart(cart.id, { select: ["id"], relations: ["shipping_address"] })
    expect(reread.shipping_address).toMatchObject({ id, city: "Edited" })
  })

  it("null removes the cart's address", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", billing_address: { city: "Bill" } })
    await fixture.service.updateCarts(cart.id, { billing_address: null })
    const reread = await fixture.service.retrieveCart(cart.id, { select: ["id", "billing_address_id"] })
    expect(reread.billing_address_id).toBeNull()
    expect(await fixture.service.listAddresses({ cart_id: cart.id })).toEqual([])
  })

  it("a standalone address given by id is attached to the cart", async () => {
    const standalone = await fixture.service.createAddresses({ city: "Standalone" })
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    await fixture.service.updateCarts(cart.id, { shipping_address: { id: standalone.id } })
    const reread = await fixture.service.retrieveCart(cart.id, { select: ["id"], relations: ["shipping_address"] })
    expect(reread.shipping_address).toMatchObject({ id: standalone.id, city: "Standalone", cart_id: cart.id })
  })

  it("refuses another cart's address with not_found naming it, and changes neither cart", async () => {
    const owner = await fixture.service.createCarts({ currency_code: "usd", shipping_address: { city: "Mine" } })
    const intruder = await fixture.service.createCarts({ currency_code: "usd" })
    const addressId = owner.shipping_address!.id
    await expectNotFound(
      fixture.service.updateCarts(intruder.id, { shipping_address: { id: addressId, city: "Stolen" } }),
      `Address with id "${addressId}" not found`,
    )
    expect((await fixture.service.retrieveAddress(addressId)).city).toBe("Mine")
  })
})
