import { useCartModule } from "../../support/cart-module-fixture"

const fixture = useCartModule()

/** A cart with an address, two items (the first with an adjustment and a tax line), a shipping method with a tax line, and a credit line. */
async function aFullCart() {
  const cart = await fixture.service.createCarts({
    currency_code: "usd",
    shipping_address: { city: "Paris" },
    items: [
      { title: "Tee", quantity: 1, unit_price: 20 },
      { title: "Mug", quantity: 1, unit_price: 10 },
    ],
  })
  const [itemId, otherItemId] = [cart.items![0]!.id, cart.items![1]!.id]
  const [method] = await fixture.service.addShippingMethods(cart.id, [{ name: "Standard", amount: 5 }])
  const [adjustment] = await fixture.service.addLineItemAdjustments(cart.id, [{ item_id: itemId, amount: 2 }])
  const [taxLine] = await fixture.service.addLineItemTaxLines(cart.id, [{ item_id: itemId, code: "VAT", rate: 20 }])
  const [methodTaxLine] = await fixture.service.addShippingMethodTaxLines(cart.id, [
    { shipping_method_id: method!.id, code: "VAT", rate: 20 },
  ])
  const credit = await fixture.service.createCreditLines({ cart_id: cart.id, amount: 1 })
  return {
    cartId: cart.id,
    addressId: cart.shipping_address!.id,
    itemId,
    otherItemId,
    methodId: method!.id,
    adjustmentId: adjustment!.id,
    taxLineId: taxLine!.id,
    methodTaxLineId: methodTaxLine!.id,
    creditLineId: credit.id,
  }
}

const everything = ["items.adjustments", "items.tax_lines", "shipping_methods.tax_lines", "credit_lines", "shipping_address"]

describe("softDeleteCarts", () => {
  it("hides the cart and every child from lists and returns the affected ids by linkable key", async () => {
    const ids = await aFullCart()
    expect(await fixture.service.softDeleteCarts([ids.cartId])).toMatchObject({
      cart_id: [ids.cartId],
      line_item_id: expect.arrayContaining([ids.itemId, ids.otherItemId]),
      line_item_adjustment_id: [ids.adjustmentId],
      line_item_tax_line_id: [ids.taxLineId],
      shipping_method_id: [ids.methodId],
      shipping_method_tax_line_id: [ids.methodTaxLineId],
      credit_line_id: [ids.creditLineId],
      address_id: [ids.addressId],
    })
    expect(await fixture.service.listCarts({ id: ids.cartId })).toEqual([])
    await expect(fixture.service.retrieveCart(ids.cartId)).rejects.toMatchObject({ type: "not_found" })
    expect(await fixture.service.listLineItems({ cart_id: ids.cartId })).toEqual([])
    expect(await fixture.service.listLineItemAdjustments({ id: ids.adjustmentId })).toEqual([])
    expect(await fixture.service.listLineItemTaxLines({ id: ids.taxLineId })).toEqual([])
    expect(await fixture.service.listShippingMethods({ cart_id: ids.cartId })).toEqual([])
    expect(await fixture.service.listShippingMethodTaxLines({ id: ids.methodTaxLineId })).toEqual([])
    expect(await fixture.service.listCreditLines({ cart_id: ids.cartId })).toEqual([])
    expect(await fixture.service.listAddresses({ id: ids.addressId })).toEqual([])
  })

  it("shows the cart and its children with withDeleted: true", async () => {
    const ids = await aFullCart()
    await fixture.service.softDeleteCarts(ids.cartId)
    const cart = await fixture.service.retrieveCart(ids.cartId, { select: ["id", "deleted_at"], relations: everything, withDeleted: true })
    expect(cart.deleted_at).not.toBeNull()
    expect(cart.items?.map((item) => item.id)).toEqual([ids.itemId, ids.otherItemId])
    expect(cart.items?.[0]?.adjustments?.map((adj) => adj.id)).toEqual([ids.adjustmentId])
    expect(cart.shipping_methods?.[0]?.tax_lines?.map((line) => line.id)).toEqual([ids.methodTaxLineId])
    expect(cart.shipping_address?.id).toBe(ids.addressId)
    expect(await fixture.service.listLineItems({ cart_id: ids.cartId }, { withDeleted: true })).toHaveLength(2)
  })
})

describe("restoreCarts", () => {
  it("brings back the cart with every child it took with it", async () => {
    const ids = await aFullCart()
    await fixture.service.softDeleteCarts(ids.cartId)
    await fixture.service.restoreCarts(ids.cartId)
    const cart = await fixture.service.retrieveCart(ids.cartId, { select: ["id"], relations: everything })
    expect(cart.items?.map((item) => item.id)).toEqual([ids.itemId, ids.otherItemId])
    expect(cart.items?.[0]?.adjustments?.map((adj) => adj.id)).toEqual([ids.adjustmentId])
    expect(cart.items?.[0]?.tax_lines?.map((line) => line.id)).toEqual([ids.taxLineId])
    expect(cart.shipping_methods?.[0]?.tax_lines?.map((line) => line.id)).toEqual([ids.methodTaxLineId])
    expect(cart.credit_lines?.map((line) => line.id)).toEqual([ids.creditLineId])
    expect(cart.shipping_address?.id).toBe(ids.addressId)
  })

  it("leaves deleted a child that was soft-deleted on its own before", async () => {
    const ids = await aFullCart()
    await fixture.service.softDeleteLineItems(ids.otherItemId)
    await fixture.service.softDeleteLineItemTaxLines(ids.taxLineId)
    await fixture.service.softDeleteCarts(ids.cartId)
    await fixture.service.restoreCarts(ids.cartId)
    const cart = await fixture.service.retrieveCart(ids.cartId, { select: ["id"], relations: ["items.tax_lines", "items.adjustments"] })
    expect(cart.items?.map((item) => item.id)).toEqual([ids.itemId])
    expect(cart.items?.[0]?.tax_lines).toEqual([])
    expect(cart.items?.[0]?.adjustments?.map((adj) => adj.id)).toEqual([ids.adjustmentId])
  })

  it("leaves deleted a child soft-deleted on its own in the same transaction before the cart", async () => {
    const ids = await aFullCart()
    await fixture.service.transaction(async (ctx) => {
      await fixture.service.softDeleteCreditLines(ids.creditLineId, undefined, ctx)
      await fixture.service.softDeleteCarts(ids.cartId, undefined, ctx)
    })
    await fixture.service.restoreCarts(ids.cartId)
    expect(await fixture.service.listCreditLines({ cart_id: ids.cartId })).toEqual([])
    expect(await fixture.service.listLineItems({ cart_id: ids.cartId })).toHaveLength(2)
  })

  it("does nothing for a cart that is not deleted", async () => {
    const ids = await aFullCart()
    await fixture.service.softDeleteLineItems(ids.otherItemId)
    await fixture.service.restoreCarts(ids.cartId)
    expect(await fixture.service.listLineItems({ cart_id: ids.cartId })).toHaveLength(1)
  })
})

describe("soft-deleting a line item", () => {
  it("takes its adjustments and tax lines with it, and restore brings them back", async () => {
    const ids = await aFullCart()
    expect(await fixture.service.softDeleteLineItems([ids.itemId])).toMatchObject({
      line_item_id: [ids.itemId],
      line_item_adjustment_id: [ids.adjustmentId],
      line_item_tax_line_id: [ids.taxLineId],
    })
    expect(await fixture.service.listLineItemAdjustments({ id: ids.adjustmentId })).toEqual([])
    await fixture.service.restoreLineItems([ids.itemId])
    const item = await fixture.service.retrieveLineItem(ids.itemId, { relations: ["adjustments", "tax_lines"] })
    expect(item.adjustments?.map((adj) => adj.id)).toEqual([ids.adjustmentId])
    expect(item.tax_lines?.map((line) => line.id)).toEqual([ids.taxLineId])
  })
})
