import { aCartWithTwoItemsAndAMethod } from "../../support/cart-builders"
import { expectInvalidDataNaming } from "../../support/expectations"
import { useCartModule } from "../../support/cart-module-fixture"

const fixture = useCartModule()

/** A cart with two items and one shipping method. */
const aCart = () => aCartWithTwoItemsAndAMethod(fixture.service)

describe("line item tax lines", () => {
  it("adds a list spanning carts and a list for one cart", async () => {
    const [a, b] = [await aCart(), await aCart()]
    const spanning = await fixture.service.addLineItemTaxLines([
      { item_id: a.itemIds[0], code: "VAT", rate: 20 },
      { item_id: b.itemIds[0], code: "GST", rate: "7.5" },
    ])
    expect(spanning.map((line) => [line.code, line.item_id])).toEqual([
      ["VAT", a.itemIds[0]],
      ["GST", b.itemIds[0]],
    ])
    expect(spanning[0]?.id).toMatch(/^calitxl_/)
    const forCart = await fixture.service.addLineItemTaxLines(a.cartId, [{ item_id: a.itemIds[1], code: "VAT", rate: 20 }])
    expect(forCart).toEqual([expect.objectContaining({ item_id: a.itemIds[1] })])
  })

  it("refuses an item of another cart, naming both the item and the cart, and writes nothing", async () => {
    const [mine, other] = [await aCart(), await aCart()]
    const attempt = fixture.service.addLineItemTaxLines(mine.cartId, [
      { item_id: mine.itemIds[0], code: "VAT", rate: 20 },
      { item_id: other.itemIds[1], code: "VAT", rate: 20 },
    ])
    await expectInvalidDataNaming(attempt, other.itemIds[1], mine.cartId)
    expect(await fixture.service.listLineItemTaxLines({ item_id: mine.itemIds })).toEqual([])
  })

  it("rejects a rate above 100 or below 0 with invalid_data", async () => {
    const { itemIds } = await aCart()
    await expect(fixture.service.addLineItemTaxLines([{ item_id: itemIds[0], code: "VAT", rate: 100.5 }])).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: ["rate"] })],
    })
    await expect(fixture.service.addLineItemTaxLines([{ item_id: itemIds[0], code: "VAT", rate: -1 }])).rejects.toMatchObject({
      type: "invalid_data",
    })
    await expect(fixture.service.updateLineItemTaxLines({ item_id: itemIds[0] }, { rate: 101 })).rejects.toMatchObject({
      type: "invalid_data",
    })
  })

  it("set updates entries with an id in place, creates the others and removes the rest of the cart's", async () => {
    const { cartId, itemIds } = await aCart()
    const [keep, drop] = await fixture.service.addLineItemTaxLines(cartId, [
      { item_id: itemIds[0], code: "KEEP", rate: 10 },
      { item_id: itemIds[1], code: "DROP", rate: 10 },
    ])
    const result = await fixture.service.setLineItemTaxLines(cartId, [
      { id: keep!.id, code: "KEEP", rate: 12 },
      { item_id: itemIds[1], code: "NEW", rate: 5 },
    ])
    expect(result.map((line) => [line.id === keep!.id, line.code])).toEqual([
      [true, "KEEP"],
      [false, "NEW"],
    ])
    const item = await fixture.service.retrieveLineItem(itemIds[0], { relations: ["tax_lines"] })
    expect(item.tax_lines?.map((line) => Number(line.rate))).toEqual([12])
    expect(await fixture.service.listLineItemTaxLines({ id: drop!.id }, { withDeleted: true })).toEqual([])
  })

  it("set with [] clears the cart's tax lines and no other cart's", async () => {
    const [mine, other] = [await aCart(), await aCart()]
    await fixture.service.addLineItemTaxLines([
      { item_id: mine.itemIds[0], code: "VAT", rate: 20 },
      { item_id: other.itemIds[0], code: "VAT", rate: 20 },
    ])
    await fixture.service.setLineItemTaxLines(mine.cartId, [])
    expect(await fixture.service.listLineItemTaxLines({ item_id: mine.itemIds })).toEqual([])
    expect(await fixture.service.listLineItemTaxLines({ item_id: other.itemIds })).toHaveLength(1)
  })

  it("set refuses an item of another cart and keeps the cart's tax lines", async () => {
    const [mine, other] = [await aCart(), await aCart()]
    await fixture.service.addLineItemTaxLines(mine.cartId, [{ item_id: mine.itemIds[0], code: "VAT", rate: 20 }])
    await expect(
      fixture.service.setLineItemTaxLines(mine.cartId, [{ item_id: other.itemIds[0], code: "VAT", rate: 20 }]),
    ).rejects.toMatchObject({
      type: "invalid_data",
      message: expect.stringContaining(other.itemIds[0]),
    })
    expect(await fixture.service.listLineItemTaxLines({ item_id: mine.itemIds })).toHaveLength(1)
  })

  it("upserts: updates entries with an id, creates the others", async () => {
    const { itemIds } = await aCart()
    const [line] = await fixture.service.upsertLineItemTaxLines([{ item_id: itemIds[0], code: "VAT", rate: 20 }])
    const result = await fixture.service.upsertLineItemTaxLines([
      { id: line!.id, code: "VAT", rate: 19 },
      { item_id: itemIds[1], code: "VAT", rate: 19 },
    ])
    expect(result[0]?.id).toBe(line!.id)
    const listed = await fixture.service.listLineItemTaxLines({ item_id: itemIds }, { select: ["rate"] })
    expect(listed.map((entry) => Number(entry.rate))).toEqual([19, 19])
  })

  it("upserts an entry with an id as an update of the fields it names, as Medusa does; a new entry still needs its fields", async () => {
    const { itemIds } = await aCart()
    const [line] = await fixture.service.upsertLineItemTaxLines([{ item_id: itemIds[0], code: "VAT", rate: 20, description: "Std" }])
    const [updated] = await fixture.service.upsertLineItemTaxLines([{ id: line!.id, rate: 7 }])
    expect(updated).toMatchObject({ id: line!.id, code: "VAT", description: "Std", rate: 7, item: { id: itemIds[0] } })
    const [set] = await fixture.service.setLineItemTaxLines(updated!.cart_id, [{ id: line!.id, code: "RED" }])
    expect(set).toMatchObject({ id: line!.id, code: "RED", rate: 7 })
    await expect(fixture.service.upsertLineItemTaxLines([{ item_id: itemIds[1], rate: 5 }])).rejects.toMatchObject({
      type: "invalid_data",
      message: "Value for LineItemTaxLine.code is required, 'undefined' found",
    })
  })

  it("deletes, soft-deletes and restores", async () => {
    const { itemIds } = await aCart()
    const [a, b] = await fixture.service.addLineItemTaxLines([
      { item_id: itemIds[0], code: "A", rate: 1 },
      { item_id: itemIds[0], code: "B", rate: 2 },
    ])
    await fixture.service.deleteLineItemTaxLines(a!.id)
    expect(await fixture.service.softDeleteLineItemTaxLines([b!.id])).toEqual({ line_item_tax_line_id: [b!.id] })
    expect((await fixture.service.retrieveLineItem(itemIds[0], { relations: ["tax_lines"] })).tax_lines).toEqual([])
    await fixture.service.restoreLineItemTaxLines([b!.id])
    const item = await fixture.service.retrieveLineItem(itemIds[0], { relations: ["tax_lines"] })
    expect(item.tax_lines?.map((line) => line.code)).toEqual(["B"])
  })
})

describe("shipping method tax lines", () => {
  it("adds, refuses another cart's method naming both ids, and rejects a rate above 100", async () => {
    const [mine, other] = [await aCart(), await aCart()]
    const added = await fixture.service.addShippingMethodTaxLines(mine.cartId, [
      { shipping_method_id: mine.methodId, code: "VAT", rate: 20 },
    ])
    expect(added[0]?.id).toMatch(/^casmtxl_/)
    const attempt = fixture.service.addShippingMethodTaxLines(mine.cartId, [{ shipping_method_id: other.methodId, code: "VAT", rate: 20 }])
    await expectInvalidDataNaming(attempt, other.methodId, mine.cartId)
    await expect(
      fixture.service.addShippingMethodTaxLines([{ shipping_method_id: mine.methodId, code: "VAT", rate: 150 }]),
    ).rejects.toMatchObject({
      type: "invalid_data",
    })
  })

  it("set updates, creates and removes; [] clears", async () => {
    const { cartId, methodId } = await aCart()
    const [keep] = await fixture.service.addShippingMethodTaxLines(cartId, [
      { shipping_method_id: methodId, code: "KEEP", rate: 10 },
      { shipping_method_id: methodId, code: "DROP", rate: 10 },
    ])
    await fixture.service.setShippingMethodTaxLines(cartId, [
      { id: keep!.id, code: "KEEP", rate: 11 },
      { shipping_method_id: methodId, code: "NEW", rate: 1 },
    ])
    const listed = await fixture.service.listShippingMethodTaxLines({ shipping_method_id: methodId }, { select: ["code", "rate"] })
    expect(listed.map((line) => [line.code, Number(line.rate)])).toEqual([
      ["KEEP", 11],
      ["NEW", 1],
    ])
    await fixture.service.setShippingMethodTaxLines(cartId, [])
    expect(await fixture.service.listShippingMethodTaxLines({ shipping_method_id: methodId })).toEqual([])
  })

  it("upserts, deletes, soft-deletes and restores", async () => {
    const { methodId } = await aCart()
    const [line] = await fixture.service.upsertShippingMethodTaxLines([{ shipping_method_id: methodId, code: "VAT", rate: 20 }])
    await fixture.service.softDeleteShippingMethodTaxLines(line!.id)
    expect(await fixture.service.listShippingMethodTaxLines({ shipping_method_id: methodId })).toEqual([])
    await fixture.service.restoreShippingMethodTaxLines(line!.id)
    expect(await fixture.service.listShippingMethodTaxLines({ shipping_method_id: methodId })).toHaveLength(1)
    await fixture.service.deleteShippingMethodTaxLines(line!.id)
    expect(await fixture.service.listShippingMethodTaxLines({ shipping_method_id: methodId }, { withDeleted: true })).toEqual([])
  })
})
