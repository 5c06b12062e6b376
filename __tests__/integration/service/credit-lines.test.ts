import { useCartModule } from "../../support/cart-module-fixture"
import { expectNotFound } from "../../support/expectations"

const fixture = useCartModule()

const newCart = async (): Promise<string> => (await fixture.service.createCarts({ currency_code: "usd" })).id

describe("createCreditLines", () => {
  it("creates one (an object) or many (an array), negative amounts allowed", async () => {
    const cartId = await newCart()
    const one = await fixture.service.createCreditLines({ cart_id: cartId, amount: 10, reference: "gift_card", reference_id: "gc_1" })
    expect(one).toMatchObject({ cart_id: cartId, reference: "gift_card", reference_id: "gc_1" })
    expect(one.id).toMatch(/^cacl_/)
    const many = await fixture.service.createCreditLines([{ cart_id: cartId, amount: "-2.5" }])
    expect(many).toHaveLength(1)
    expect(many[0]?.raw_amount).toEqual({ value: "-2.5", precision: 20 })
  })

  it("fails with not_found for an unknown cart and invalid_data for a missing cart_id or amount", async () => {
    await expectNotFound(
      fixture.service.createCreditLines({ cart_id: "cart_missing", amount: 1 }),
      "You tried to set relationship cart_id: cart_missing, but such entity does not exist",
    )
    await expect(fixture.service.createCreditLines({ amount: 1 } as never)).rejects.toMatchObject({ type: "invalid_data" })
    await expect(fixture.service.createCreditLines({ cart_id: await newCart(), amount: "lots" })).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: ["amount"] })],
    })
  })
})

describe("listing credit lines", () => {
  it("lists and counts by cart, in creation order, and as the cart's relation", async () => {
    const cartId = await newCart()
    await fixture.service.createCreditLines([1, 2, 3].map((amount) => ({ cart_id: cartId, amount, reference: `r${amount}` })))
    const listed = await fixture.service.listCreditLines({ cart_id: cartId }, { select: ["reference"] })
    expect(listed.map((line) => line.reference)).toEqual(["r1", "r2", "r3"])
    const [, count] = await fixture.service.listAndCountCreditLines({ cart_id: cartId }, { take: 1 })
    expect(count).toBe(3)
    const cart = await fixture.service.retrieveCart(cartId, { select: ["id"], relations: ["credit_lines"] })
    expect(cart.credit_lines?.map((line) => line.reference)).toEqual(["r1", "r2", "r3"])
  })
})

describe("updateCreditLines", () => {
  it("(id, data) returns one object and merges metadata", async () => {
    const cartId = await newCart()
    const line = await fixture.service.createCreditLines({ cart_id: cartId, amount: 5, metadata: { a: 1, b: 2 } })
    const updated = await fixture.service.updateCreditLines(line.id, { amount: -5, metadata: { b: "", c: 3 } })
    expect(Number(updated.amount)).toBe(-5)
    expect(updated.metadata).toEqual({ a: 1, c: 3 })
  })

  it("(selector, data) returns every match", async () => {
    const cartId = await newCart()
    await fixture.service.createCreditLines([
      { cart_id: cartId, amount: 1 },
      { cart_id: cartId, amount: 2 },
    ])
    const updated = await fixture.service.updateCreditLines({ cart_id: cartId }, { reference: "promo" })
    expect(updated.map((line) => line.reference)).toEqual(["promo", "promo"])
  })

  it("fails with not_found naming a missing id", async () => {
    await expectNotFound(fixture.service.updateCreditLines("cacl_missing", { amount: 1 }), expect.stringContaining('"cacl_missing"'))
  })
})

describe("deleting credit lines", () => {
  it("hard-deletes, soft-deletes and restores", async () => {
    const cartId = await newCart()
    const [a, b] = await fixture.service.createCreditLines([
      { cart_id: cartId, amount: 1 },
      { cart_id: cartId, amount: 2 },
    ])
    await fixture.service.deleteCreditLines(a!.id)
    expect(await fixture.service.softDeleteCreditLines(b!.id)).toEqual({ credit_line_id: [b!.id] })
    expect(await fixture.service.listCreditLines({ cart_id: cartId })).toEqual([])
    await fixture.service.restoreCreditLines(b!.id)
    expect((await fixture.service.listCreditLines({ cart_id: cartId })).map((line) => line.id)).toEqual([b!.id])
  })
})
