import { startCartModule } from "../../support/cart-module-fixture"
import type { CartModuleFixture } from "../../support/cart-module-fixture"
import type { CartModuleService } from "../../../src/service/cart-module-service"

let fixture: CartModuleFixture
let service: CartModuleService

beforeAll(async () => {
  fixture = await startCartModule()
  service = fixture.module.service
})
afterAll(() => fixture.close())

describe("createAddresses", () => {
  it("creates a standalone address with no cart, as an object for one input", async () => {
    const address = await service.createAddresses({ first_name: "Ada", city: "London", country_code: "gb" })
    expect(address.id).toMatch(/^caaddr_/)
    expect(address).toMatchObject({ first_name: "Ada", city: "London", cart_id: null })
    expect(await service.listAddresses({ id: address.id, cart_id: null })).toHaveLength(1)
  })

  it("creates many as an array in input order", async () => {
    const created = await service.createAddresses([{ city: "A" }, { city: "B" }])
    expect(created.map((address) => address.city)).toEqual(["A", "B"])
  })

  it("rejects a field of the wrong type with invalid_data and writes nothing", async () => {
    const [, before] = await service.listAndCountAddresses()
    await expect(service.createAddresses([{ city: "ok" }, { city: 42 as never }])).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: [1, "city"] })],
    })
    const [, after] = await service.listAndCountAddresses()
    expect(after).toBe(before)
  })
})

describe("updateAddresses", () => {
  it("updates by id, one as an object and many as an array, merging metadata", async () => {
    const [a, b] = await service.createAddresses([{ city: "A", metadata: { keep: 1, drop: 2 } }, { city: "B" }])
    const one = await service.updateAddresses({ id: a!.id, city: "A2", metadata: { drop: "" } })
    expect(one).toMatchObject({ id: a!.id, city: "A2", metadata: { keep: 1 } })
    const many = await service.updateAddresses([{ id: b!.id, phone: "123" }])
    expect(many).toEqual([expect.objectContaining({ id: b!.id, city: "B", phone: "123" })])
  })

  it("fails with not_found naming a missing id and changes nothing", async () => {
    const address = await service.createAddresses({ city: "Before" })
    await expect(
      service.updateAddresses([
        { id: address.id, city: "After" },
        { id: "caaddr_missing", city: "x" },
      ]),
    ).rejects.toMatchObject({ type: "not_found", message: 'Address with id "caaddr_missing" not found' })
    expect((await service.retrieveAddress(address.id)).city).toBe("Before")
  })

  it("requires an id", async () => {
    await expect(service.updateAddresses({ city: "x" } as never)).rejects.toMatchObject({ type: "invalid_data" })
  })
})

describe("deleteAddresses", () => {
  it("hard-deletes an address and clears the cart's link to it", async () => {
    const cart = await service.createCarts({ currency_code: "usd", shipping_address: { city: "Gone" } })
    await service.deleteAddresses(cart.shipping_address!.id)
    expect(await service.listAddresses({ id: cart.shipping_address!.id }, { withDeleted: true })).toEqual([])
    const reread = await service.retrieveCart(cart.id, { select: ["id", "shipping_address_id"], relations: ["shipping_address"] })
    expect(reread.shipping_address ?? null).toBeNull()
  })

  it("soft-deletes and restores an address", async () => {
    const address = await service.createAddresses({ city: "Soft" })
    expect(await service.softDeleteAddresses(address.id)).toEqual({ address_id: [address.id] })
    expect(await service.listAddresses({ id: address.id })).toEqual([])
    await service.restoreAddresses(address.id)
    expect(await service.listAddresses({ id: address.id })).toHaveLength(1)
  })
})

describe("updateCarts with addresses", () => {
  it("a new shipping_address replaces the cart's address", async () => {
    const cart = await service.createCarts({ currency_code: "usd", shipping_address: { city: "Old" }, billing_address: { city: "Bill" } })
    const oldId = cart.shipping_address!.id
    await service.updateCarts(cart.id, { shipping_address: { city: "New", country_code: "fr" } })
    const reread = await service.retrieveCart(cart.id, { select: ["id"], relations: ["shipping_address", "billing_address"] })
    expect(reread.shipping_address).toMatchObject({ city: "New", country_code: "fr", cart_id: cart.id })
    expect(reread.shipping_address?.id).not.toBe(oldId)
    expect(reread.billing_address?.city).toBe("Bill")
    const cartAddresses = await service.listAddresses({ cart_id: cart.id }, { select: ["city"] })
    expect(cartAddresses.map((address) => address.city).sort()).toEqual(["Bill", "New"])
  })

  it("an address with an id is updated in place", async () => {
    const cart = await service.createCarts({ currency_code: "usd", shipping_address: { city: "Old" } })
    const id = cart.shipping_address!.id
    await service.updateCarts(cart.id, { shipping_address: { id, city: "Edited" } })
    const reread = await service.retrieveCart(cart.id, { select: ["id"], relations: ["shipping_address"] })
    expect(reread.shipping_address).toMatchObject({ id, city: "Edited" })
  })

  it("null removes the cart's address", async () => {
    const cart = await service.createCarts({ currency_code: "usd", billing_address: { city: "Bill" } })
    await service.updateCarts(cart.id, { billing_address: null })
    const reread = await service.retrieveCart(cart.id, { select: ["id", "billing_address_id"] })
    expect(reread.billing_address_id).toBeNull()
    expect(await service.listAddresses({ cart_id: cart.id })).toEqual([])
  })

  it("a standalone address given by id is attached to the cart", async () => {
    const standalone = await service.createAddresses({ city: "Standalone" })
    const cart = await service.createCarts({ currency_code: "usd" })
    await service.updateCarts(cart.id, { shipping_address: { id: standalone.id } })
    const reread = await service.retrieveCart(cart.id, { select: ["id"], relations: ["shipping_address"] })
    expect(reread.shipping_address).toMatchObject({ id: standalone.id, city: "Standalone", cart_id: cart.id })
  })

  it("refuses another cart's address with not_found naming it, and changes neither cart", async () => {
    const owner = await service.createCarts({ currency_code: "usd", shipping_address: { city: "Mine" } })
    const intruder = await service.createCarts({ currency_code: "usd" })
    const addressId = owner.shipping_address!.id
    await expect(service.updateCarts(intruder.id, { shipping_address: { id: addressId, city: "Stolen" } })).rejects.toMatchObject({
      type: "not_found",
      message: `Address with id "${addressId}" not found`,
    })
    expect((await service.retrieveAddress(addressId)).city).toBe("Mine")
  })
})
