import { useCartModule } from "../../support/cart-module-fixture"
import { expectNotFound } from "../../support/expectations"
import { aCartShippedTo } from "../../support/cart-builders"

const fixture = useCartModule()

describe("createCarts", () => {
  it("creates one cart with nested items and addresses and returns it as an object", async () => {
    const cart = await fixture.service.createCarts({
      currency_code: "USD",
      email: "a@example.com",
      shipping_address: { first_name: "Ada", country_code: "us" },
      billing_address: { first_name: "Bob", city: "Paris" },
      items: [
        { title: "Tee", quantity: 2, unit_price: 20 },
        { title: "Mug", quantity: 1, unit_price: "9.99" },
      ],
    })
    expect(cart.id).toMatch(/^cart_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(cart.currency_code).toBe("usd")
    expect(cart.shipping_address?.id).toMatch(/^caaddr_/)
    expect(cart.shipping_address?.first_name).toBe("Ada")
    expect(cart.billing_address?.city).toBe("Paris")
    expect(cart.items?.map((item) => item.title)).toEqual(["Tee", "Mug"])
    expect(cart.items?.[1]?.raw_unit_price).toEqual({ value: "9.99", precision: 20 })
  })

  it("creates many carts and returns an array in input order", async () => {
    const carts = await fixture.service.createCarts([{ currency_code: "eur" }, { currency_code: "jpy" }])
    expect(carts.map((cart) => cart.currency_code)).toEqual(["eur", "jpy"])
  })

  it("rejects a cart without a currency code with a typed error and writes nothing", async () => {
    const before = await fixture.service.listAndCountCarts()
    await expect(fixture.service.createCarts([{ currency_code: "usd" }, { currency_code: "dollars" }])).rejects.toMatchObject({
      type: "invalid_data",
      issues: [expect.objectContaining({ path: [1, "currency_code"] })],
    })
    const after = await fixture.service.listAndCountCarts()
    expect(after[1]).toBe(before[1])
  })
})

describe("retrieveCart", () => {
  it("returns relations in creation order with select on nested fields", async () => {
    const created = await fixture.service.createCarts({
      currency_code: "usd",
      items: [1, 2, 3].map((n) => ({ title: `Item ${n}`, quantity: n, unit_price: 10 })),
    })
    const cart = await fixture.service.retrieveCart(created.id, { select: ["id", "email", "items.title"], relations: ["items"] })
    expect(cart.items?.map((item) => item.title)).toEqual(["Item 1", "Item 2", "Item 3"])
    // The key the items join on comes along, as in Medusa's answer to the same call.
    expect(cart.items?.[0]).toEqual({ id: expect.any(String), title: "Item 1", cart_id: created.id })
    expect(cart).not.toHaveProperty("currency_code")
    expect(cart).not.toHaveProperty("total")
  })

  it("narrows the cart to its id and what select names, whatever select holds, as Medusa does", async () => {
    const created = await fixture.service.createCarts({
      currency_code: "usd",
      email: "n@x.com",
      items: [{ title: "N", quantity: 1, unit_price: 4 }],
    })
    const s = fixture.service
    // An empty select reads the id alone, and no totals.
    expect(await s.retrieveCart(created.id, { select: [] })).toEqual({ id: created.id })
    // Fields of a relation only: the relation (with its join key), under the cart's id.
    expect(await s.retrieveCart(created.id, { select: ["items.title"] })).toEqual({
      id: created.id,
      items: [{ id: created.items![0]!.id, title: "N", cart_id: created.id }],
    })
    // A field the relation does not have loads nothing of it.
    expect(await s.retrieveCart(created.id, { select: ["items.nope"] })).toEqual({ id: created.id })
    const withTotal = await s.retrieveCart(created.id, { select: ["total"] })
    expect(withTotal).not.toHaveProperty("email")
    expect(withTotal.total?.toJSON()).toBe(4)
  })

  it("computes totals when no select is given and returns the relations it needed, as Medusa does", async () => {
    const created = await fixture.service.createCarts({
      currency_code: "usd",
      items: [{ title: "A", quantity: 3, unit_price: "0.1" }],
    })
    const cart = await fixture.service.retrieveCart(created.id)
    expect(cart.total?.toJSON()).toBe(0.3)
    expect(cart.raw_total?.value).toBe("0.3")
    expect(cart.items).toHaveLength(1)
  })

  it("fails with not_found naming the id", async () => {
    await expectNotFound(fixture.service.retrieveCart("cart_missing"), "Cart with id: cart_missing was not found")
  })

  it("ignores select fields and relations the model does not have, as Medusa does; none reaches SQL", async () => {
    const s = fixture.service
    const cart = await aCartShippedTo(s, "Rome")
    // What Medusa's own store routes and query graph send: a column no cart module has, `*relation`, `relation_id`.
    const read = await s.retrieveCart(cart.id, {
      select: ["id", "email", "shipping_address.city", "shipping_address.region_code", "*credit_lines", "shipping_methods_id"],
      relations: ["shipping_address", "nope", "items.nope"],
    })
    expect(read).toMatchObject({ id: cart.id, email: null, shipping_address: { city: "Rome" } })
    expect(read).not.toHaveProperty("credit_lines")
    // An unknown field still narrows the row to what else is selected, as in Medusa; SQL-ish text is only a name.
    expect(await s.retrieveCart(cart.id, { select: ["id; drop table cart"] })).toEqual({ id: cart.id })
    expect(await s.listCarts({ id: cart.id }, { select: ['id", (SELECT 1) AS "x'] })).toEqual([{ id: cart.id }])
    expect((await s.retrieveCart(cart.id, { relations: ["items; DROP TABLE cart"] })).items).toHaveLength(1)
  })
})

/** Three carts of a new customer, in usd (x@a.com), eur (no email) and gbp (y@b.com); returns the customer id. */
async function threeCartsOfOneCustomer(prefix: string): Promise<string> {
  const customer = `${prefix}_${Date.now()}`
  await fixture.service.createCarts([
    { currency_code: "usd", customer_id: customer, email: "x@a.com" },
    { currency_code: "eur", customer_id: customer },
    { currency_code: "gbp", customer_id: customer, email: "y@b.com" },
  ])
  return customer
}

describe("listCarts", () => {
  it("filters by equality, arrays, null and operators, and pages", async () => {
    const customer = await threeCartsOfOneCustomer("cus")
    const noEmail = await fixture.service.listCarts({ customer_id: customer, email: null }, { select: ["id", "currency_code"] })
    expect(noEmail.map((cart) => cart.currency_code)).toEqual(["eur"])
    const inList = await fixture.service.listCarts(
      { customer_id: [customer], currency_code: { $in: ["usd", "gbp"] } },
      { select: ["currency_code"] },
    )
    expect(inList.map((cart) => cart.currency_code)).toEqual(["usd", "gbp"])
    const like = await fixture.service.listCarts({ customer_id: customer, email: { $ilike: "%@B.COM" } }, { select: ["id"] })
    expect(like).toHaveLength(1)
    const [page, count] = await fixture.service.listAndCountCarts(
      { customer_id: customer },
      { take: 1, skip: 1, select: ["currency_code"] },
    )
    expect(count).toBe(3)
    expect(page.map((cart) => cart.currency_code)).toEqual(["eur"])
    const or = await fixture.service.listCarts(
      { customer_id: customer, $or: [{ currency_code: "usd" }, { currency_code: "gbp" }] },
      { select: ["id"] },
    )
    expect(or).toHaveLength(2)
  })

  it("pages by a column it does not return, with to-one and to-many relations", async () => {
    // A page reads its rows' columns in an inner query: the sort key, the address key and the id the
    // items hang on must ride along even when `select` leaves them out.
    const customer = `cus_page_${Date.now()}`
    await fixture.service.createCarts(
      ["b@x.com", "d@x.com", "a@x.com", "c@x.com"].map((email, index) => ({
        currency_code: "usd",
        customer_id: customer,
        email,
        shipping_address: { city: `City ${index}` },
        items: [{ title: `Item ${index}`, quantity: 1, unit_price: 1 }],
      })),
    )
    const [page, count] = await fixture.service.listAndCountCarts(
      { customer_id: customer },
      {
        take: 2,
        skip: 1,
        order: { email: "DESC" },
        select: ["currency_code", "shipping_address.city", "items.title"],
        relations: ["shipping_address", "items"],
      },
    )
    expect(count).toBe(4)
    expect(page.map((cart) => [cart.shipping_address?.city, cart.items?.map((item) => item.title)])).toEqual([
      ["City 3", ["Item 3"]],
      ["City 0", ["Item 0"]],
    ])
    expect(page[0]).not.toHaveProperty("email")
  })

  it("takes MikroORM's $exists and $not, as Medusa's filters do", async () => {
    const customer = await threeCartsOfOneCustomer("cus_ops")
    const currencies = async (filters: object) =>
      (await fixture.service.listCarts({ customer_id: customer, ...filters }, { select: ["currency_code"] })).map(
        (cart) => cart.currency_code,
      )
    expect(await currencies({ email: { $exists: true } })).toEqual(["usd", "gbp"])
    expect(await currencies({ email: { $exists: false } })).toEqual(["eur"])
    expect(await currencies({ currency_code: { $not: { $in: ["usd", "eur"] } } })).toEqual(["gbp"])
    expect(await currencies({ $not: { currency_code: "usd" } })).toEqual(["eur", "gbp"])
    await expect(currencies({ email: { $exists: "yes" } })).rejects.toMatchObject({ type: "invalid_data" })
  })

  it("refuses an unknown filter field with invalid_data", async () => {
    await expect(fixture.service.listCarts({ nope: 1 })).rejects.toMatchObject({ type: "invalid_data" })
  })
})
