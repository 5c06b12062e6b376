import { useCartModule } from "../../support/cart-module-fixture"
import { expectNotFound } from "../../support/expectations"

const fixture = useCartModule()

const newCart = async (): Promise<string> => (await fixture.service.createCarts({ currency_code: "usd" })).id
const tee = { title: "Tee", quantity: 1, unit_price: 20 }
const teesTitled = (...titles: string[]) => titles.map((title) => ({ ...tee, title }))

describe("addLineItems", () => {
  it("adds one item (naming its cart) and returns it in an array", async () => {
    const cartId = await newCart()
    const added = await fixture.service.addLineItems({ ...tee, cart_id: cartId })
    expect(added).toHaveLength(1)
    expect(added[0]).toMatchObject({ cart_id: cartId, title: "Tee" })
    expect(added[0]?.id).toMatch(/^cali_/)
  })

  it("adds many items across carts in one call, in input order", async () => {
    const [a, b] = [await newCart(), await newCart()]
    const added = await fixture.service.addLineItems([
      { ...tee, cart_id: a, title: "A1" },
      { ...tee, cart_id: b, title: "B1" },
      { ...tee, cart_id: a, title: "A2" },
    ])
    expect(added.map((item) => [item.title, item.cart_id])).toEqual([
      ["A1", a],
      ["B1", b],
      ["A2", a],
    ])
    const cart = await fixture.service.retrieveCart(a, { select: ["id"], relations: ["items"] })
    expect(cart.items?.map((item) => item.title)).toEqual(["A1", "A2"])
  })

  it("adds a list to the cart given by id", async () => {
    const cartId = await newCart()
    const added = await fixture.service.addLineItems(cartId, [tee, { ...tee, title: "Mug", unit_price: "9.99" }])
    expect(added.map((item) => item.cart_id)).toEqual([cartId, cartId])
    expect(added[1]?.raw_unit_price).toEqual({ value: "9.99", precision: 20 })
  })

  it("rejects a quantity of 0 or below with invalid_data and writes nothing", async () => {
    const cartId = await newCart()
    await expect(fixture.service.addLineItems(cartId, [tee, { ...tee, quantity: 0 }])).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: [1, "quantity"] })],
    })
    await expect(fixture.service.addLineItems({ ...tee, cart_id: cartId, quantity: -2 })).rejects.toMatchObject({ type: "invalid_data" })
    expect(await fixture.service.listLineItems({ cart_id: cartId })).toEqual([])
  })

  it("fails with not_found naming an unknown cart and writes nothing", async () => {
    const cartId = await newCart()
    await expectNotFound(
      fixture.service.addLineItems([
        { ...tee, cart_id: cartId },
        { ...tee, cart_id: "cart_nope" },
      ]),
      "You tried to set relationship cart_id: cart_nope, but such entity does not exist",
    )
    expect(await fixture.service.listLineItems({ cart_id: cartId })).toEqual([])
  })
})

describe("new items carrying tax lines and adjustments (Medusa's CreateLineItemDTO)", () => {
  const taxed = (title: string) => ({ ...tee, title, tax_lines: [{ code: "VAT", rate: 25 }], adjustments: [{ code: "SALE", amount: 2 }] })

  it("creates them with the items of a new cart and of addLineItems, hung on each item, announced", async () => {
    fixture.events.clear()
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [taxed("A"), { ...tee, title: "B" }] })
    expect(
      cart.items!.map((item) => [item.title, item.tax_lines!.map((line) => line.code), item.adjustments!.map((adj) => adj.code)]),
    ).toEqual([
      ["A", ["VAT"], ["SALE"]],
      ["B", [], []],
    ])
    const [added] = await fixture.service.addLineItems(cart.id, [taxed("C")])
    expect(added).toMatchObject({
      title: "C",
      tax_lines: [{ code: "VAT", item_id: added!.id }],
      adjustments: [{ code: "SALE", item_id: added!.id }],
    })
    const read = await fixture.service.retrieveCart(cart.id)
    // 3 × 20, less 2 × 2 discounts, taxed at 25% on the discounted lines.
    expect(read.total?.toJSON()).toBe(20 + 2 * (18 * 1.25))
    expect(fixture.events.events.map((event) => event.name)).toEqual(
      expect.arrayContaining(["cart.line-item-tax-line.created", "cart.line-item-adjustment.created"]),
    )
  })

  it("refuses a bad nested tax line with invalid_data and writes nothing", async () => {
    const cartId = await newCart()
    await expect(fixture.service.addLineItems(cartId, [{ ...tee, tax_lines: [{ code: "VAT", rate: 250 }] }])).rejects.toMatchObject({
      type: "invalid_data",
    })
    expect(await fixture.service.listLineItems({ cart_id: cartId })).toEqual([])
  })
})

describe("createLineItems", () => {
  it("returns one object for one input and an array for a list", async () => {
    const cartId = await newCart()
    const one = await fixture.service.createLineItems({ ...tee, cart_id: cartId })
    expect(one).toMatchObject({ cart_id: cartId, title: "Tee" })
    const many = await fixture.service.createLineItems([{ ...tee, cart_id: cartId, title: "Second" }])
    expect(many.map((item) => item.title)).toEqual(["Second"])
  })

  it("requires a cart_id", async () => {
    await expect(fixture.service.createLineItems({ ...tee } as never)).rejects.toMatchObject({ type: "invalid_data" })
  })
})

describe("reading line items", () => {
  it("retrieves one by id, lists and counts with filters and paging, in creation order", async () => {
    const cartId = await newCart()
    const added = await fixture.service.addLineItems(cartId, teesTitled("a", "b", "c"))
    const one = await fixture.service.retrieveLineItem(added[1]!.id)
    expect(one).toMatchObject({ id: added[1]!.id, title: "b", cart_id: cartId })
    const listed = await fixture.service.listLineItems({ cart_id: cartId }, { select: ["title"] })
    expect(listed.map((item) => item.title)).toEqual(["a", "b", "c"])
    const [page, count] = await fixture.service.listAndCountLineItems({ cart_id: cartId }, { take: 2, select: ["title"] })
    expect(count).toBe(3)
    expect(page.map((item) => item.title)).toEqual(["a", "b"])
  })

  it("fails with not_found naming a missing line item", async () => {
    await expectNotFound(fixture.service.retrieveLineItem("cali_missing"), "LineItem with id: cali_missing was not found")
  })
})

describe("updateLineItems", () => {
  it("(id, data) updates one item and returns it as an object", async () => {
    const [item] = await fixture.service.addLineItems(await newCart(), [tee])
    const updated = await fixture.service.updateLineItems(item!.id, { quantity: 3 })
    expect(Array.isArray(updated)).toBe(false)
    expect(updated).toMatchObject({ id: item!.id, title: "Tee" })
    expect(Number(updated.quantity)).toBe(3)
  })

  it("(selector, data) updates every match and returns an array", async () => {
    const cartId = await newCart()
    await fixture.service.addLineItems(cartId, [tee, { ...tee, title: "Mug" }])
    const updated = await fixture.service.updateLineItems({ cart_id: cartId }, { unit_price: 5 })
    expect(updated).toHaveLength(2)
    const listed = await fixture.service.listLineItems({ cart_id: cartId }, { select: ["unit_price"] })
    expect(listed.map((item) => Number(item.unit_price))).toEqual([5, 5])
  })

  it("(selector, data) returns the updated items in creation order", async () => {
    const cartId = await newCart()
    const added = await fixture.service.addLineItems(cartId, teesTitled("a", "b", "c", "d"))
    // Earlier updates move rows around on disk; the result order must not follow them.
    await fixture.service.updateLineItems(added[0]!.id, { quantity: 2 })
    await fixture.service.updateLineItems(added[2]!.id, { quantity: 2 })
    const updated = await fixture.service.updateLineItems({ cart_id: cartId }, { unit_price: 1 })
    expect(updated.map((item) => item.title)).toEqual(["a", "b", "c", "d"])
  })

  it("[{ selector, data }] and [{ id, ... }] update as listed", async () => {
    const cartId = await newCart()
    const [a, b] = await fixture.service.addLineItems(cartId, [tee, { ...tee, title: "Mug" }])
    const bySelector = await fixture.service.updateLineItems([{ selector: { id: a!.id }, data: { title: "Tee XL" } }])
    expect(bySelector.map((item) => item.title)).toEqual(["Tee XL"])
    const byId = await fixture.service.updateLineItems([{ id: b!.id, title: "Mug XL", quantity: 2 }])
    expect(byId).toEqual([expect.objectContaining({ id: b!.id, title: "Mug XL" })])
  })

  it("rejects a quantity of 0 with invalid_data and leaves the item unchanged", async () => {
    const [item] = await fixture.service.addLineItems(await newCart(), [tee])
    await expect(fixture.service.updateLineItems(item!.id, { quantity: 0 })).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: ["quantity"] })],
    })
    expect(Number((await fixture.service.retrieveLineItem(item!.id)).quantity)).toBe(1)
  })

  it("fails with not_found naming a missing id", async () => {
    await expectNotFound(fixture.service.updateLineItems("cali_missing", { quantity: 2 }), expect.stringContaining('"cali_missing"'))
    await expect(fixture.service.updateLineItems([{ id: "cali_gone", title: "x" }])).rejects.toMatchObject({ type: "not_found" })
  })
})

describe("deleteLineItems", () => {
  it("hard-deletes the given items and leaves the others", async () => {
    const cartId = await newCart()
    const [a, b] = await fixture.service.addLineItems(cartId, [tee, { ...tee, title: "Mug" }])
    await fixture.service.deleteLineItems([a!.id])
    const left = await fixture.service.listLineItems({ cart_id: cartId }, { withDeleted: true })
    expect(left.map((item) => item.id)).toEqual([b!.id])
  })

  it("ignores ids that do not exist", async () => {
    await expect(fixture.service.deleteLineItems("cali_missing")).resolves.toBeUndefined()
  })
})

describe("sharedContext", () => {
  it("joins one transaction: both calls commit together", async () => {
    const cartId = await newCart()
    await fixture.service.transaction(async (ctx) => {
      const [item] = await fixture.service.addLineItems(cartId, [tee], ctx)
      await fixture.service.updateLineItems(item!.id, { title: "Inside" }, ctx)
    })
    const items = await fixture.service.listLineItems({ cart_id: cartId }, { select: ["title"] })
    expect(items.map((item) => item.title)).toEqual(["Inside"])
  })

  it("rolls back both calls when the work throws", async () => {
    const cartId = await newCart()
    await expect(
      fixture.service.transaction(async (ctx) => {
        await fixture.service.addLineItems(cartId, [tee], ctx)
        await fixture.service.addLineItems(cartId, [{ ...tee, title: "Second" }], ctx)
        throw new Error("host failure")
      }),
    ).rejects.toThrow("host failure")
    expect(await fixture.service.listLineItems({ cart_id: cartId })).toEqual([])
  })

  it("publishes the events of a shared transaction once it commits", async () => {
    const cartId = await newCart()
    fixture.events.clear()
    let seenInside: string[] = []
    await fixture.service.transaction(async (ctx) => {
      await fixture.service.addLineItems(cartId, [tee], ctx)
      seenInside = fixture.events.events.map((event) => event.name)
    })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(seenInside).toEqual([])
    expect(fixture.events.events.map((event) => event.name)).toContain("cart.line-item.created")
  })

  it("publishes no event for a rolled-back shared transaction", async () => {
    const cartId = await newCart()
    fixture.events.clear()
    await expect(
      fixture.service.transaction(async (ctx) => {
        await fixture.service.addLineItems(cartId, [tee], ctx)
        throw new Error("abort")
      }),
    ).rejects.toThrow("abort")
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(fixture.events.events.map((event) => event.name)).not.toContain("cart.line-item.created")
  })
})
