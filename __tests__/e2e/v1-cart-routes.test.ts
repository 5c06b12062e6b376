import { SEED } from "../../examples/storefront/seed"
import { calculateTaxes, failure, useStorefront } from "./support/storefront-harness"
import type { Json } from "./support/storefront-harness"

const server = useStorefront()

async function newCart(body: Json = { region_id: SEED.regions.eu }): Promise<Json> {
  return (await server.client().carts.create(body)).cart
}

/** An EU cart with two tees, an address, a shipping method and payment sessions. */
async function readyCart(): Promise<Json> {
  const medusa = server.client()
  const cart = await newCart({ region_id: SEED.regions.eu, items: [{ variant_id: SEED.variants.teeSmall, quantity: 2 }] })
  await medusa.carts.update(cart.id, { email: "ada@example.com", shipping_address: { first_name: "Ada", country_code: "fr" } })
  await medusa.carts.addShippingMethod(cart.id, { option_id: SEED.shippingOptions.euStandard })
  await calculateTaxes(medusa, cart.id)
  return (await medusa.carts.createPaymentSessions(cart.id)).cart
}

describe("Create and Get a Cart", () => {
  it("uses the region's currency, prices the items, and fills the context from the request", async () => {
    const cart = await newCart({
      region_id: SEED.regions.us,
      sales_channel_id: SEED.salesChannels.web,
      country_code: "US",
      context: { user_agent: "Chrome" },
      items: [{ variant_id: SEED.variants.mug, quantity: 2 }],
    })
    expect(cart).toMatchObject({
      region_id: SEED.regions.us,
      sales_channel_id: SEED.salesChannels.web,
      shipping_address: { country_code: "us" },
      context: { user_agent: "Chrome", ip: expect.any(String) },
      customer_id: null,
    })
    expect(cart.items).toMatchObject([{ variant_id: SEED.variants.mug, quantity: 2, unit_price: 1499, subtotal: 2998, total: 2998 }])
    expect(cart.metadata).toEqual({})
    const fetched = await server.client().carts.retrieve(cart.id)
    expect(fetched.cart).toMatchObject({ id: cart.id, total: 2998 })
  })

  it("falls back to the first region", async () => {
    expect(await newCart({})).toMatchObject({ region_id: SEED.regions.eu, region: { currency_code: "eur" }, items: [], total: 0 })
  })
})

describe("line items", () => {
  it("adds, merges, updates, removes with quantity 0 and deletes lines", async () => {
    const medusa = server.client()
    const cart = await newCart()
    await medusa.carts.lineItems.create(cart.id, { variant_id: SEED.variants.teeSmall, quantity: 1 })
    const merged = (await medusa.carts.lineItems.create(cart.id, { variant_id: SEED.variants.teeSmall, quantity: 2 })).cart
    expect(merged.items).toMatchObject([{ quantity: 3, subtotal: 7500 }])
    const lineId = merged.items[0].id
    expect((await medusa.carts.lineItems.update(cart.id, lineId, { quantity: 5 })).cart).toMatchObject({
      items: [{ quantity: 5 }],
      total: 12500,
    })
    expect((await medusa.carts.lineItems.update(cart.id, lineId, { quantity: 0 })).cart).toMatchObject({ items: [], total: 0 })
    const mug = (await medusa.carts.lineItems.create(cart.id, { variant_id: SEED.variants.mug, quantity: 1 })).cart.items[0]
    expect((await medusa.carts.lineItems.delete(cart.id, mug.id)).cart).toMatchObject({ items: [], subtotal: 0 })
  })

  it("turns parallel adds of one variant into one line", async () => {
    const cart = await newCart()
    await Promise.all(
      Array.from({ length: 4 }, () => server.client().carts.lineItems.create(cart.id, { variant_id: SEED.variants.mug, quantity: 2 })),
    )
    expect((await server.client().carts.retrieve(cart.id)).cart.items.map((item: Json) => item.quantity)).toEqual([8])
  }, 180_000)
})

describe("Update a Cart", () => {
  it("changes addresses, then the region: items are re-priced in the new currency", async () => {
    const medusa = server.client()
    const cart = await newCart({ region_id: SEED.regions.eu, items: [{ variant_id: SEED.variants.mug, quantity: 2 }] })
    const addressed = (
      await medusa.carts.update(cart.id, {
        shipping_address: { first_name: "Ada", city: "Berlin", country_code: "de" },
        billing_address: { first_name: "Ada", city: "London", country_code: "gb" },
      })
    ).cart
    expect(addressed).toMatchObject({
      shipping_address: { city: "Berlin", country_code: "de" },
      billing_address: { city: "London", country_code: "gb" },
    })
    const moved = (await medusa.carts.update(cart.id, { country_code: "fr" })).cart
    expect(moved.shipping_address).toMatchObject({ city: "Berlin", country_code: "fr" })
    const us = (await medusa.carts.update(cart.id, { region_id: SEED.regions.us, country_code: "us" })).cart
    expect(us).toMatchObject({
      region_id: SEED.regions.us,
      region: { currency_code: "usd" },
      items: [{ unit_price: 1499 }],
      subtotal: 2998,
      shipping_address: { country_code: "us" },
    })
  })

  it("applies discounts by code, replaces them, and Remove Discount takes one off", async () => {
    const medusa = server.client()
    const cart = await newCart({ region_id: SEED.regions.eu, items: [{ variant_id: SEED.variants.teeSmall, quantity: 2 }] })
    await medusa.carts.addShippingMethod(cart.id, { option_id: SEED.shippingOptions.euExpress })
    const both = (
      await medusa.carts.update(cart.id, { discounts: [{ code: SEED.promotions.tenPercent }, { code: SEED.promotions.freeShipping }] })
    ).cart
    expect(both.discounts.map((discount: Json) => discount.code)).toEqual([SEED.promotions.tenPercent, SEED.promotions.freeShipping])
    expect(both).toMatchObject({ discount_total: 500, shipping_total: 0, shipping_methods: [{ price: 0 }], total: 4500 })
    const replaced = (await medusa.carts.update(cart.id, { discounts: [{ code: SEED.promotions.freeShipping }] })).cart
    expect(replaced).toMatchObject({
      discounts: [{ code: SEED.promotions.freeShipping, rule: { type: "free_shipping" } }],
      discount_total: 0,
      total: 5000,
    })
    const removed = (await medusa.carts.deleteDiscount(cart.id, SEED.promotions.freeShipping)).cart
    expect(removed).toMatchObject({ discounts: [], shipping_total: 1500, total: 6500 })
    expect(await failure(medusa.carts.update(cart.id, { discounts: [{ code: "NOPE" }] }))).toMatchObject({
      status: 400,
      body: { type: "invalid_data" },
    })
  })

  it("merges the context and refuses a customer_id that does not come from a login", async () => {
    const medusa = server.client()
    const cart = await newCart({ context: { ip: "::1", user_agent: "Chrome" } })
    expect((await medusa.carts.update(cart.id, { context: { locale: "fr" } })).cart.context).toEqual({
      ip: "::1",
      user_agent: "Chrome",
      locale: "fr",
    })
    expect(await failure(medusa.carts.update(cart.id, { customer_id: "cus_someone" }))).toMatchObject({
      status: 400,
      body: { type: "not_allowed" },
    })
    expect((await medusa.carts.retrieve(cart.id)).cart.customer_id).toBeNull()
  })
})

describe("payment sessions", () => {
  it("creates, selects, updates, refreshes and deletes sessions", async () => {
    const medusa = server.client()
    const cart = await readyCart()
    expect(cart.payment_sessions).toMatchObject([{ provider_id: "manual", is_selected: true, status: "pending", amount: cart.total }])
    const selected = (await medusa.carts.setPaymentSession(cart.id, { provider_id: "manual" })).cart
    expect(selected.payment_session).toMatchObject({ provider_id: "manual", is_selected: true })
    const updated = (await medusa.carts.updatePaymentSession(cart.id, "manual", { data: { card: "visa" } })).cart
    expect(updated.payment_session.data).toMatchObject({ card: "visa" })
    const refreshed = (await medusa.carts.refreshPaymentSession(cart.id, "manual")).cart
    expect(refreshed.payment_sessions[0].id).not.toBe(cart.payment_sessions[0].id)
    const deleted = (await medusa.carts.deletePaymentSession(cart.id, "manual")).cart
    expect(deleted).toMatchObject({ payment_sessions: [], payment_session: null })
    expect(await failure(medusa.carts.setPaymentSession(cart.id, { provider_id: "manual" }))).toMatchObject({
      status: 404,
      body: { type: "not_found" },
    })
  })

  it("re-prices the sessions when the cart changes", async () => {
    const cart = await readyCart()
    const after = (await server.client().carts.lineItems.create(cart.id, { variant_id: SEED.variants.mug, quantity: 1 })).cart
    expect(after.total).toBeGreaterThan(cart.total)
    expect(after.payment_session.amount).toBe(after.total)
  })
})

describe("Complete a Cart", () => {
  it("refuses a cart without a payment session with 400 not_allowed, sent once", async () => {
    const cart = await newCart({ items: [{ variant_id: SEED.variants.mug, quantity: 1 }] })
    // With retries on, a 409 would be re-sent; 400 is final.
    expect(await failure(server.client(3).carts.complete(cart.id))).toMatchObject({ status: 400, body: { type: "not_allowed" } })
  })

  it("replays one order for one Idempotency-Key, also concurrently, and returns it again for a new key", async () => {
    const cart = await readyCart()
    const headers = { "Idempotency-Key": `key-${cart.id}` }
    const results = await Promise.all([1, 2, 3].map(() => server.client().carts.complete(cart.id, headers)))
    expect(new Set(results.map((result: Json) => result.data.id)).size).toBe(1)
    expect(results.map((result: Json) => result.response.headers["idempotency-key"])).toEqual([
      headers["Idempotency-Key"],
      headers["Idempotency-Key"],
      headers["Idempotency-Key"],
    ])
    expect([...server.storefront.host.orders.orders.values()].filter((order) => order.cart_id === cart.id)).toHaveLength(1)
    const again = await server.client().carts.complete(cart.id, { "Idempotency-Key": "another" })
    expect(again).toMatchObject({ type: "order", data: { id: results[0]!.data.id } })
    expect(await failure(server.client().carts.lineItems.create(cart.id, { variant_id: SEED.variants.mug, quantity: 1 }))).toMatchObject({
      status: 400,
      body: { type: "not_allowed" },
    })
  })

  it("generates a key when the client sends none (medusa-js with retries sends one)", async () => {
    const cart = await readyCart()
    const completed = await server.client(3).carts.complete(cart.id)
    expect(completed.response.headers["idempotency-key"]).toEqual(completed.response.config.headers["Idempotency-Key"])
    expect(completed.response.headers["access-control-expose-headers"]).toBe("Idempotency-Key")
  })
})
