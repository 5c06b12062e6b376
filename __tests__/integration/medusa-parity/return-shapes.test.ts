import BigNumberJs from "bignumber.js"
import { useCartModule } from "../../support/cart-module-fixture"
import { aCartShippedTo } from "../../support/cart-builders"

/** Field sets recorded from `@medusajs/cart` 2.21.2's own return values for the same calls. */
const fixture = useCartModule()

const ADDRESS_FIELDS = [
  "id",
  "customer_id",
  "company",
  "first_name",
  "last_name",
  "address_1",
  "address_2",
  "city",
  "country_code",
  "province",
  "postal_code",
  "phone",
  "metadata",
  "created_at",
  "updated_at",
  "deleted_at",
]

describe("createCarts returns what Medusa's does", () => {
  it("populates addresses given by id, and returns items, shipping methods and credit lines", async () => {
    const billing = await fixture.service.createAddresses({ city: "Paris", country_code: "fr" })
    const cart = await fixture.service.createCarts({
      currency_code: "EUR",
      billing_address_id: billing.id,
      shipping_address: { city: "Lyon" },
      items: [{ title: "t", quantity: 2, unit_price: 10 }],
    })
    expect(cart.billing_address).toMatchObject({ id: billing.id, city: "Paris", country_code: "fr" })
    expect(Object.keys(cart.billing_address!)).toEqual(expect.arrayContaining(ADDRESS_FIELDS))
    expect(cart.shipping_address).toMatchObject({ city: "Lyon" })
    expect(cart).toMatchObject({ billing_address_id: billing.id, shipping_methods: [], credit_lines: [] })
    expect(cart.items).toEqual([expect.objectContaining({ title: "t", adjustments: [], tax_lines: [] })])
  })

  it("populates a shipping address given by id", async () => {
    const address = await fixture.service.createAddresses({ city: "Rome" })
    const cart = await fixture.service.createCarts({ currency_code: "eur", shipping_address_id: address.id })
    expect(cart).toMatchObject({
      shipping_address_id: address.id,
      shipping_address: { id: address.id, city: "Rome" },
      billing_address: null,
    })
  })
})

describe("updateCarts returns what Medusa's does", () => {
  it("returns both addresses: in full when written by the call, else as a reference", async () => {
    const billing = await fixture.service.createAddresses({ city: "Paris" })
    const created = await fixture.service.createCarts({ currency_code: "eur", billing_address_id: billing.id })
    const updated = await fixture.service.updateCarts(created.id, { email: "a@b.c", shipping_address: { city: "Nice" } })
    expect(updated.shipping_address).toMatchObject({ city: "Nice", id: updated.shipping_address_id })
    expect(updated.billing_address).toEqual({ id: billing.id })
    const [again] = await fixture.service.updateCarts([{ id: created.id, email: "x@y.z" }])
    expect(again).toMatchObject({ shipping_address: { id: updated.shipping_address_id }, billing_address: { id: billing.id } })
    const bare = await fixture.service.createCarts({ currency_code: "eur" })
    expect(await fixture.service.updateCarts(bare.id, { email: "b@c.d" })).toMatchObject({ shipping_address: null, billing_address: null })
  })
})

describe("adding items and shipping methods returns what Medusa's does", () => {
  it("returns new items and shipping methods with empty adjustments and tax lines", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    expect(await fixture.service.addLineItems(cart.id, [{ title: "t", quantity: 1, unit_price: 1 }])).toEqual([
      expect.objectContaining({ adjustments: [], tax_lines: [] }),
    ])
    expect(await fixture.service.addShippingMethods(cart.id, [{ name: "n", amount: 1 }])).toEqual([
      expect.objectContaining({ adjustments: [], tax_lines: [] }),
    ])
  })
})

describe("tax lines carry the provider's data (Medusa 2.17.3+)", () => {
  it("stores and returns data for item and shipping method tax lines, through add, set, update and reads", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const [item] = await fixture.service.addLineItems(cart.id, [{ title: "t", quantity: 1, unit_price: 10 }])
    const [method] = await fixture.service.addShippingMethods(cart.id, [{ name: "n", amount: 5 }])
    const [itemLine] = await fixture.service.addLineItemTaxLines(cart.id, [
      { item_id: item!.id, code: "VAT", rate: 10, data: { provider_ref: "a1" } },
    ])
    expect(itemLine).toMatchObject({ data: { provider_ref: "a1" } })
    const [methodLine] = await fixture.service.setShippingMethodTaxLines(cart.id, [
      { shipping_method_id: method!.id, code: "S", rate: 20, data: { k: [1, 2] } },
    ])
    expect(methodLine).toMatchObject({ data: { k: [1, 2] } })
    expect(await fixture.service.updateLineItemTaxLines(itemLine!.id, { data: null })).toMatchObject({ data: null })
    const read = await fixture.service.retrieveCart(cart.id, { relations: ["shipping_methods.tax_lines", "items.tax_lines"] })
    expect(read.shipping_methods?.[0]?.tax_lines?.[0]?.data).toEqual({ k: [1, 2] })
    expect(read.items?.[0]?.tax_lines?.[0]?.data).toBeNull()
  })

  it("rejects data that is not an object", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const [item] = await fixture.service.addLineItems(cart.id, [{ title: "t", quantity: 1, unit_price: 10 }])
    await expect(
      fixture.service.addLineItemTaxLines(cart.id, [{ item_id: item!.id, code: "VAT", rate: 10, data: "nope" as never }]),
    ).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: ["data"] })],
    })
  })
})

describe("one plain object in, one row out, where Medusa's module does so", () => {
  // @medusajs/cart 2.21.2 returns `added[0]` when its first argument is a plain object (`isObject`), for these three.
  it("addLineItemTaxLines, addShippingMethodTaxLines and addShippingMethodAdjustments return the row itself", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const [item] = await fixture.service.addLineItems(cart.id, [{ title: "t", quantity: 1, unit_price: 10 }])
    const [method] = await fixture.service.addShippingMethods(cart.id, [{ name: "n", amount: 5 }])
    const itemLine = await fixture.service.addLineItemTaxLines({ item_id: item!.id, code: "VAT", rate: 10 })
    expect(Array.isArray(itemLine)).toBe(false)
    expect(itemLine).toMatchObject({ item_id: item!.id, code: "VAT", rate: 10 })
    const methodLine = await fixture.service.addShippingMethodTaxLines({ shipping_method_id: method!.id, code: "S", rate: 20 })
    expect(Array.isArray(methodLine)).toBe(false)
    expect(methodLine).toMatchObject({ shipping_method_id: method!.id, code: "S" })
    const adjustment = await fixture.service.addShippingMethodAdjustments({ shipping_method_id: method!.id, amount: 1, code: "SHIP1" })
    expect(Array.isArray(adjustment)).toBe(false)
    expect(adjustment).toMatchObject({ shipping_method_id: method!.id, code: "SHIP1" })
  })

  it("a list, or `(cartId, ...)`, still returns a list; so do addLineItems, addLineItemAdjustments and addShippingMethods", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const items = await fixture.service.addLineItems({ cart_id: cart.id, title: "t", quantity: 1, unit_price: 10 })
    expect(items).toHaveLength(1)
    const item = items[0]!
    expect(await fixture.service.addLineItemTaxLines([{ item_id: item.id, code: "A", rate: 1 }])).toHaveLength(1)
    expect(await fixture.service.addLineItemTaxLines(cart.id, { item_id: item.id, code: "B", rate: 1 })).toHaveLength(1)
    expect(await fixture.service.addLineItemAdjustments({ item_id: item.id, amount: 1 })).toHaveLength(1)
    expect(await fixture.service.addShippingMethods({ cart_id: cart.id, name: "n", amount: 5 })).toHaveLength(1)
  })
})

describe("createCarts takes an existing address's id as shipping_address/billing_address, as Medusa's does", () => {
  it("reads the string as the address id and returns the populated address", async () => {
    const address = await fixture.service.createAddresses({ city: "Ghent", country_code: "be" })
    const cart = await fixture.service.createCarts({ currency_code: "eur", shipping_address: address.id, billing_address: address.id })
    expect(cart.shipping_address_id).toBe(address.id)
    expect(cart.billing_address_id).toBe(address.id)
    expect(cart.shipping_address).toMatchObject({ id: address.id, city: "Ghent" })
  })

  it("refuses the string when the _id field names another address, and writes nothing", async () => {
    const address = await fixture.service.createAddresses({ city: "Ghent" })
    const before = await fixture.service.listCarts({ email: "shorthand@example.com" })
    await expect(
      fixture.service.createCarts({
        currency_code: "eur",
        email: "shorthand@example.com",
        shipping_address: "caaddr_other",
        shipping_address_id: address.id,
      }),
    ).rejects.toMatchObject({ type: "invalid_data" })
    expect(await fixture.service.listCarts({ email: "shorthand@example.com" })).toHaveLength(before.length)
  })
})

describe("money inputs as Medusa's workflows pass them", () => {
  it("stores bignumber.js values and Medusa-style BigNumbers exactly", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const [item] = await fixture.service.addLineItems(cart.id, [
      { title: "t", quantity: new BigNumberJs(2), unit_price: new BigNumberJs("10.0000000000000000001") },
    ])
    expect(item).toMatchObject({ quantity: 2, raw_unit_price: { value: "10.0000000000000000001" } })
    expect(
      await fixture.service.updateLineItems(item!.id, { quantity: new BigNumberJs(3), unit_price: new BigNumberJs("0.5") }),
    ).toMatchObject({
      quantity: 3,
      raw_unit_price: { value: "0.5" },
    })
    const [method] = await fixture.service.addShippingMethods(cart.id, [
      { name: "n", amount: { numeric: 4.5, raw: { value: "4.5", precision: 20 }, bigNumber: new BigNumberJs(99) } },
    ])
    expect(method).toMatchObject({ amount: 4.5, raw_amount: { value: "4.5" } })
  })

  it("refuses a bignumber.js NaN with invalid_data and writes nothing", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    await expect(
      fixture.service.addLineItems(cart.id, [{ title: "t", quantity: 1, unit_price: new BigNumberJs(NaN) }]),
    ).rejects.toMatchObject({
      type: "invalid_data",
    })
    expect(await fixture.service.listLineItems({ cart_id: cart.id })).toHaveLength(0)
  })
})

describe("references to relations a read did not load, as Medusa's serializer leaves them", () => {
  it("gives rows `{ id }` of the to-one relations they did not load (none back to a parent they are nested in)", async () => {
    const s = fixture.service
    const cart = await aCartShippedTo(s, "Oslo", 5)
    const [item] = await s.listLineItems({ cart_id: cart.id })
    expect(item!.cart).toEqual({ id: cart.id })
    const [method] = await s.addShippingMethods(cart.id, [{ name: "std", amount: 2 }])
    await s.addLineItemAdjustments(cart.id, [{ item_id: item!.id, amount: 1, code: "P" }])
    await s.setShippingMethodTaxLines(cart.id, [{ shipping_method_id: method!.id, rate: 10, code: "S" }])
    await s.createCreditLines([{ cart_id: cart.id, amount: 1, reference: "r", reference_id: "x" }])
    expect((await s.listShippingMethods({ cart_id: cart.id }))[0]!.cart).toEqual({ id: cart.id })
    expect((await s.listLineItemAdjustments({ item_id: item!.id }))[0]).toMatchObject({ item: { id: item!.id } })
    expect((await s.listShippingMethodTaxLines({ shipping_method_id: method!.id }))[0]).toMatchObject({
      shipping_method: { id: method!.id },
    })
    expect((await s.listCreditLines({ cart_id: cart.id }))[0]!.cart).toEqual({ id: cart.id })
    expect((await s.updateLineItems(item!.id, { quantity: 2 })).cart).toEqual({ id: cart.id })

    const [listed] = await s.listCarts({ id: cart.id }, { select: ["id", "shipping_address_id", "billing_address_id"] })
    expect(listed).toMatchObject({ shipping_address: { id: cart.shipping_address_id }, billing_address: null })
    // Nothing to refer to when the key was not read; a loaded relation stays whole; nested rows get none.
    expect(await s.listCarts({ id: cart.id }, { select: ["id"] })).toEqual([{ id: cart.id }])
    const loaded = await s.retrieveLineItem(item!.id, { relations: ["cart"] })
    // A loaded parent is whole, and carries its own references (but none back to the item).
    expect(loaded.cart).toMatchObject({
      id: cart.id,
      currency_code: "usd",
      shipping_address: { id: cart.shipping_address_id },
      billing_address: null,
    })
    // A loaded to-one relation comes with its key, even when `select` leaves the key out.
    expect(await s.retrieveCart(cart.id, { select: ["id", "shipping_address.city"] })).toEqual({
      id: cart.id,
      shipping_address_id: cart.shipping_address_id,
      shipping_address: { id: cart.shipping_address_id, city: "Oslo" },
    })
    const read = await s.retrieveCart(cart.id, { relations: ["items"] })
    expect(read.items![0]).not.toHaveProperty("cart")
  })
})
