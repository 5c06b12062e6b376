import { useCartModule } from "../../support/cart-module-fixture"
import { expectNotFound } from "../../support/expectations"

const fixture = useCartModule()

const newCart = async (): Promise<string> => (await fixture.service.createCarts({ currency_code: "usd" })).id
const standard = { name: "Standard", amount: 5 }

describe("addShippingMethods", () => {
  it("adds one method (naming its cart) and returns it in an array", async () => {
    const cartId = await newCart()
    const added = await fixture.service.addShippingMethods({ ...standard, cart_id: cartId })
    expect(added).toEqual([expect.objectContaining({ cart_id: cartId, name: "Standard" })])
    expect(added[0]?.id).toMatch(/^casm_/)
  })

  it("adds many methods across carts, in input order", async () => {
    const [a, b] = [await newCart(), await newCart()]
    const added = await fixture.service.addShippingMethods([
      { ...standard, cart_id: a },
      { ...standard, cart_id: b, name: "Express", amount: "12.50" },
    ])
    expect(added.map((method) => [method.name, method.cart_id])).toEqual([
      ["Standard", a],
      ["Express", b],
    ])
    expect(added[1]?.raw_amount).toEqual({ value: "12.5", precision: 20 })
  })

  it("adds a list to the cart given by id", async () => {
    const cartId = await newCart()
    const added = await fixture.service.addShippingMethods(cartId, [standard, { ...standard, name: "Pickup", amount: 0 }])
    expect(added.map((method) => method.cart_id)).toEqual([cartId, cartId])
    const cart = await fixture.service.retrieveCart(cartId, { select: ["id"], relations: ["shipping_methods"] })
    expect(cart.shipping_methods?.map((method) => method.name)).toEqual(["Standard", "Pickup"])
  })

  it("rejects a negative amount with invalid_data and writes nothing", async () => {
    const cartId = await newCart()
    await expect(fixture.service.addShippingMethods(cartId, [standard, { ...standard, amount: -1 }])).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: [1, "amount"] })],
    })
    expect(await fixture.service.listShippingMethods({ cart_id: cartId })).toEqual([])
  })

  it("fails with not_found naming an unknown cart", async () => {
    await expectNotFound(fixture.service.addShippingMethods("cart_nope", [standard]), "Cart with id: cart_nope was not found")
  })
})

describe("createShippingMethods", () => {
  it("returns one object for one input and an array for a list", async () => {
    const cartId = await newCart()
    expect(await fixture.service.createShippingMethods({ ...standard, cart_id: cartId })).toMatchObject({ cart_id: cartId })
    expect(await fixture.service.createShippingMethods([{ ...standard, cart_id: cartId }])).toHaveLength(1)
  })
})

describe("reading shipping methods", () => {
  it("retrieves, lists and counts in creation order", async () => {
    const cartId = await newCart()
    const added = await fixture.service.addShippingMethods(
      cartId,
      ["a", "b", "c"].map((name) => ({ ...standard, name })),
    )
    expect(await fixture.service.retrieveShippingMethod(added[2]!.id)).toMatchObject({ name: "c" })
    const listed = await fixture.service.listShippingMethods({ cart_id: cartId }, { select: ["name"] })
    expect(listed.map((method) => method.name)).toEqual(["a", "b", "c"])
    const [page, count] = await fixture.service.listAndCountShippingMethods({ cart_id: cartId }, { skip: 2, select: ["name"] })
    expect([page.map((method) => method.name), count]).toEqual([["c"], 3])
  })

  it("fails with not_found naming a missing shipping method", async () => {
    await expectNotFound(fixture.service.retrieveShippingMethod("casm_missing"), "ShippingMethod with id: casm_missing was not found")
  })
})

describe("updateShippingMethods", () => {
  it("(id, data) returns one object", async () => {
    const [method] = await fixture.service.addShippingMethods(await newCart(), [standard])
    const updated = await fixture.service.updateShippingMethods(method!.id, { name: "Renamed", amount: 7 })
    expect(updated).toMatchObject({ id: method!.id, name: "Renamed" })
    expect(Number(updated.amount)).toBe(7)
  })

  it("(selector, data) returns every match", async () => {
    const cartId = await newCart()
    await fixture.service.addShippingMethods(cartId, [standard, standard])
    const updated = await fixture.service.updateShippingMethods({ cart_id: cartId }, { name: "Same" })
    expect(updated.map((method) => method.name)).toEqual(["Same", "Same"])
  })

  it("[{ selector, data }] and [{ id, ... }] update as listed", async () => {
    const [a, b] = await fixture.service.addShippingMethods(await newCart(), [standard, standard])
    expect(await fixture.service.updateShippingMethods([{ selector: { id: a!.id }, data: { name: "A" } }])).toEqual([
      expect.objectContaining({ name: "A" }),
    ])
    expect(await fixture.service.updateShippingMethods([{ id: b!.id, name: "B" }])).toEqual([
      expect.objectContaining({ id: b!.id, name: "B" }),
    ])
  })

  it("rejects a negative amount and fails with not_found for a missing id", async () => {
    const [method] = await fixture.service.addShippingMethods(await newCart(), [standard])
    await expect(fixture.service.updateShippingMethods(method!.id, { amount: -3 })).rejects.toMatchObject({ type: "invalid_data" })
    await expectNotFound(fixture.service.updateShippingMethods("casm_missing", { name: "x" }), expect.stringContaining('"casm_missing"'))
  })
})

describe("deleteShippingMethods", () => {
  it("hard-deletes the given methods", async () => {
    const cartId = await newCart()
    const [a, b] = await fixture.service.addShippingMethods(cartId, [standard, standard])
    await fixture.service.deleteShippingMethods(a!.id)
    const left = await fixture.service.listShippingMethods({ cart_id: cartId }, { withDeleted: true })
    expect(left.map((method) => method.id)).toEqual([b!.id])
  })
})
