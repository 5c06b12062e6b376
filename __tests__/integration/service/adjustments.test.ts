import { aCartWithTwoItemsAndAMethod } from "../../support/cart-builders"
import { expectInvalidDataNaming, expectNotFound } from "../../support/expectations"
import { useCartModule } from "../../support/cart-module-fixture"

const fixture = useCartModule()

/** A cart with two items and one shipping method. */
const aCart = () => aCartWithTwoItemsAndAMethod(fixture.service)

/** {@link aCart} with one adjustment of 1 on each item, coded `first` and `second`. */
async function aCartWithItemAdjustments(first: string, second: string) {
  const cart = await aCart()
  const adjustments = await fixture.service.addLineItemAdjustments(cart.cartId, [
    { item_id: cart.itemIds[0], amount: 1, code: first },
    { item_id: cart.itemIds[1], amount: 1, code: second },
  ])
  return { ...cart, adjustments }
}

describe("line item adjustments", () => {
  describe("addLineItemAdjustments", () => {
    it("adds a list spanning carts", async () => {
      const [a, b] = [await aCart(), await aCart()]
      const added = await fixture.service.addLineItemAdjustments([
        { item_id: a.itemIds[0], amount: 2, code: "A" },
        { item_id: b.itemIds[1], amount: 1, code: "B" },
      ])
      expect(added.map((adj) => [adj.code, adj.item_id])).toEqual([
        ["A", a.itemIds[0]],
        ["B", b.itemIds[1]],
      ])
      expect(added[0]?.id).toMatch(/^caliadj_/)
    })

    it("adds a list to one cart given by id", async () => {
      const { cartId, itemIds } = await aCart()
      const added = await fixture.service.addLineItemAdjustments(cartId, [
        { item_id: itemIds[0], amount: 2, code: "X" },
        { item_id: itemIds[1], amount: 3, code: "Y" },
      ])
      expect(added.map((adj) => adj.code)).toEqual(["X", "Y"])
      const item = await fixture.service.retrieveLineItem(itemIds[0], { relations: ["adjustments"] })
      expect(item.adjustments?.map((adj) => adj.code)).toEqual(["X"])
    })

    it("refuses an item of another cart, naming both the item and the cart, and writes nothing", async () => {
      const [mine, other] = [await aCart(), await aCart()]
      const attempt = fixture.service.addLineItemAdjustments(mine.cartId, [
        { item_id: mine.itemIds[0], amount: 1 },
        { item_id: other.itemIds[0], amount: 1 },
      ])
      await expectInvalidDataNaming(attempt, other.itemIds[0], mine.cartId)
      expect(await fixture.service.listLineItemAdjustments({ item_id: mine.itemIds })).toEqual([])
    })

    it("rejects a negative amount with invalid_data", async () => {
      const { cartId, itemIds } = await aCart()
      await expect(fixture.service.addLineItemAdjustments(cartId, [{ item_id: itemIds[0], amount: -1 }])).rejects.toMatchObject({
        type: "invalid_data",
        issues: [expect.objectContaining({ path: ["amount"] })],
      })
    })

    it("fails with not_found naming an unknown item", async () => {
      await expectNotFound(
        fixture.service.addLineItemAdjustments([{ item_id: "cali_missing", amount: 1 }]),
        "You tried to set relationship item_id: cali_missing, but such entity does not exist",
      )
    })
  })

  describe("setLineItemAdjustments", () => {
    it("updates entries with an id in place, creates the others and removes the rest of the cart's", async () => {
      const { cartId, itemIds, adjustments } = await aCartWithItemAdjustments("KEEP", "DROP")
      const [keep, drop] = adjustments
      const result = await fixture.service.setLineItemAdjustments(cartId, [
        { id: keep!.id, amount: 4, code: "KEPT" },
        { item_id: itemIds[1], amount: 2, code: "NEW" },
      ])
      expect(result.map((adj) => adj.code)).toEqual(["KEPT", "NEW"])
      expect(result[0]?.id).toBe(keep!.id)
      const listed = await fixture.service.listLineItemAdjustments({ item_id: itemIds }, { select: ["id", "code", "amount"] })
      expect(listed.map((adj) => adj.code)).toEqual(["KEPT", "NEW"])
      expect(Number(listed[0]?.amount)).toBe(4)
      expect(listed.map((adj) => adj.id)).not.toContain(drop!.id)
    })

    it("leaves other carts' adjustments alone", async () => {
      const [mine, other] = [await aCart(), await aCart()]
      const [theirs] = await fixture.service.addLineItemAdjustments(other.cartId, [{ item_id: other.itemIds[0], amount: 1 }])
      await fixture.service.setLineItemAdjustments(mine.cartId, [{ item_id: mine.itemIds[0], amount: 1 }])
      expect(await fixture.service.listLineItemAdjustments({ id: theirs!.id })).toHaveLength(1)
    })

    it("clears them with []", async () => {
      const { cartId, itemIds } = await aCart()
      await fixture.service.addLineItemAdjustments(cartId, [{ item_id: itemIds[0], amount: 1 }])
      expect(await fixture.service.setLineItemAdjustments(cartId, [])).toEqual([])
      expect(await fixture.service.listLineItemAdjustments({ item_id: itemIds })).toEqual([])
    })

    it("refuses an item of another cart and leaves the existing adjustments in place", async () => {
      const [mine, other] = [await aCart(), await aCart()]
      await fixture.service.addLineItemAdjustments(mine.cartId, [{ item_id: mine.itemIds[0], amount: 1 }])
      const attempt = fixture.service.setLineItemAdjustments(mine.cartId, [{ item_id: other.itemIds[0], amount: 1 }])
      await expect(attempt).rejects.toMatchObject({ type: "invalid_data", message: expect.stringContaining(other.itemIds[0]) })
      expect(await fixture.service.listLineItemAdjustments({ item_id: mine.itemIds })).toHaveLength(1)
    })

    it("refuses an id that belongs to another cart with not_found", async () => {
      const [mine, other] = [await aCart(), await aCart()]
      const [theirs] = await fixture.service.addLineItemAdjustments(other.cartId, [{ item_id: other.itemIds[0], amount: 1 }])
      await expectNotFound(
        fixture.service.setLineItemAdjustments(mine.cartId, [{ id: theirs!.id, amount: 9 }]),
        expect.stringContaining(theirs!.id),
      )
      expect(Number((await fixture.service.retrieveLineItemAdjustment(theirs!.id)).amount)).toBe(1)
    })

    it("fails with not_found for an unknown cart", async () => {
      await expect(fixture.service.setLineItemAdjustments("cart_missing", [])).rejects.toMatchObject({ type: "not_found" })
    })
  })

  describe("upsertLineItemAdjustments", () => {
    it("updates entries with an id and creates the others, removing nothing", async () => {
      const { itemIds, adjustments } = await aCartWithItemAdjustments("FIRST", "OTHER")
      const [first, other] = adjustments
      const result = await fixture.service.upsertLineItemAdjustments([
        { id: first!.id, amount: 3 },
        { item_id: itemIds[0], amount: 2, code: "CREATED" },
      ])
      expect(result.map((adj) => adj.id)).toEqual([first!.id, expect.stringMatching(/^caliadj_/)])
      const listed = await fixture.service.listLineItemAdjustments({ item_id: itemIds }, { select: ["id", "code"] })
      expect(listed.map((adj) => adj.code)).toEqual(["FIRST", "OTHER", "CREATED"])
      expect(listed.map((adj) => adj.id)).toContain(other!.id)
    })

    it("fails with not_found for an unknown id", async () => {
      await expect(fixture.service.upsertLineItemAdjustments([{ id: "caliadj_missing", amount: 1 }])).rejects.toMatchObject({
        type: "not_found",
      })
    })

    it("moving an adjustment to an item of another cart moves it to that cart", async () => {
      const [from, to] = [await aCart(), await aCart()]
      const [adj] = await fixture.service.addLineItemAdjustments(from.cartId, [{ item_id: from.itemIds[0], amount: 1 }])
      await fixture.service.upsertLineItemAdjustments([{ id: adj!.id, item_id: to.itemIds[0], amount: 1 }])
      expect(await fixture.service.retrieveLineItemAdjustment(adj!.id)).toMatchObject({ item_id: to.itemIds[0], cart_id: to.cartId })
      // Clearing the old cart must not reach into the new one.
      await fixture.service.setLineItemAdjustments(from.cartId, [])
      expect(await fixture.service.listLineItemAdjustments({ id: adj!.id })).toHaveLength(1)
    })
  })

  describe("updating, deleting and soft-deleting", () => {
    it("updateLineItemAdjustments (id, data) returns one object", async () => {
      const { cartId, itemIds } = await aCart()
      const [adj] = await fixture.service.addLineItemAdjustments(cartId, [{ item_id: itemIds[0], amount: 1 }])
      expect(await fixture.service.updateLineItemAdjustments(adj!.id, { code: "UPDATED" })).toMatchObject({ id: adj!.id, code: "UPDATED" })
    })

    it("deleteLineItemAdjustments removes them for good", async () => {
      const { cartId, itemIds } = await aCart()
      const [adj] = await fixture.service.addLineItemAdjustments(cartId, [{ item_id: itemIds[0], amount: 1 }])
      await fixture.service.deleteLineItemAdjustments([adj!.id])
      expect(await fixture.service.listLineItemAdjustments({ id: adj!.id }, { withDeleted: true })).toEqual([])
    })

    it("softDelete hides one from lists and relations; restore brings it back", async () => {
      const { cartId, itemIds } = await aCart()
      const [adj] = await fixture.service.addLineItemAdjustments(cartId, [{ item_id: itemIds[0], amount: 1 }])
      expect(await fixture.service.softDeleteLineItemAdjustments([adj!.id])).toEqual({ line_item_adjustment_id: [adj!.id] })
      expect(await fixture.service.listLineItemAdjustments({ id: adj!.id })).toEqual([])
      expect((await fixture.service.retrieveLineItem(itemIds[0], { relations: ["adjustments"] })).adjustments).toEqual([])
      expect(await fixture.service.listLineItemAdjustments({ id: adj!.id }, { withDeleted: true })).toHaveLength(1)
      await fixture.service.restoreLineItemAdjustments([adj!.id])
      expect(await fixture.service.listLineItemAdjustments({ id: adj!.id })).toHaveLength(1)
    })
  })
})

describe("shipping method adjustments", () => {
  it("adds a list spanning carts and a list for one cart", async () => {
    const [a, b] = [await aCart(), await aCart()]
    const spanning = await fixture.service.addShippingMethodAdjustments([
      { shipping_method_id: a.methodId, amount: 1, code: "A" },
      { shipping_method_id: b.methodId, amount: 1, code: "B" },
    ])
    expect(spanning.map((adj) => adj.shipping_method_id)).toEqual([a.methodId, b.methodId])
    expect(spanning[0]?.id).toMatch(/^casmadj_/)
    const forCart = await fixture.service.addShippingMethodAdjustments(a.cartId, [
      { shipping_method_id: a.methodId, amount: 2, code: "A2" },
    ])
    expect(forCart.map((adj) => adj.code)).toEqual(["A2"])
  })

  it("refuses a shipping method of another cart, naming both ids", async () => {
    const [mine, other] = [await aCart(), await aCart()]
    const attempt = fixture.service.addShippingMethodAdjustments(mine.cartId, [{ shipping_method_id: other.methodId, amount: 1 }])
    await expectInvalidDataNaming(attempt, other.methodId, mine.cartId)
  })

  it("set updates, creates and removes; [] clears", async () => {
    const { cartId, methodId } = await aCart()
    const [keep] = await fixture.service.addShippingMethodAdjustments(cartId, [
      { shipping_method_id: methodId, amount: 1, code: "KEEP" },
      { shipping_method_id: methodId, amount: 1, code: "DROP" },
    ])
    const result = await fixture.service.setShippingMethodAdjustments(cartId, [
      { id: keep!.id, code: "KEPT", amount: 1 },
      { shipping_method_id: methodId, amount: 2, code: "NEW" },
    ])
    expect(result.map((adj) => adj.code)).toEqual(["KEPT", "NEW"])
    const listed = await fixture.service.listShippingMethodAdjustments({ shipping_method_id: methodId }, { select: ["code"] })
    expect(listed.map((adj) => adj.code)).toEqual(["KEPT", "NEW"])
    await fixture.service.setShippingMethodAdjustments(cartId, [])
    expect(await fixture.service.listShippingMethodAdjustments({ shipping_method_id: methodId })).toEqual([])
  })

  it("upserts, updates, deletes, soft-deletes and restores", async () => {
    const { cartId, methodId } = await aCart()
    const [adj] = await fixture.service.upsertShippingMethodAdjustments([{ shipping_method_id: methodId, amount: 1, code: "UP" }])
    expect(await fixture.service.updateShippingMethodAdjustments(adj!.id, { code: "CHANGED" })).toMatchObject({ code: "CHANGED" })
    await fixture.service.softDeleteShippingMethodAdjustments(adj!.id)
    const method = await fixture.service.retrieveShippingMethod(methodId, { relations: ["adjustments"] })
    expect(method.adjustments).toEqual([])
    await fixture.service.restoreShippingMethodAdjustments(adj!.id)
    expect(await fixture.service.listShippingMethodAdjustments({ shipping_method_id: methodId })).toHaveLength(1)
    await fixture.service.deleteShippingMethodAdjustments(adj!.id)
    expect(await fixture.service.listShippingMethodAdjustments({ shipping_method_id: methodId }, { withDeleted: true })).toEqual([])
    expect(cartId).toMatch(/^cart_/)
  })

  it("rejects a negative amount with invalid_data", async () => {
    const { methodId } = await aCart()
    await expect(fixture.service.addShippingMethodAdjustments([{ shipping_method_id: methodId, amount: -5 }])).rejects.toMatchObject({
      type: "invalid_data",
    })
  })
})
