import { SEED, seedHost } from "../../examples/storefront/seed"
import { calculateTaxes, failure, useStorefront, expectV1Totals } from "./support/storefront-harness"
import type { Json } from "./support/storefront-harness"

const server = useStorefront()

async function register(email: string): Promise<{ customer: Json; cookie: string }> {
  const { customer, response } = await server
    .client()
    .customers.create({ first_name: "Ada", last_name: "Lovelace", email, password: "correct horse battery" })
  return { customer, cookie: (response.headers["set-cookie"] as string[])[0]!.split(";")[0]! }
}

describe("gift cards through Update a Cart (v1 gift_cards)", () => {
  it("applies a card: gift_card_total and total in integer units, then a checkout redeems it", async () => {
    const medusa = server.client()
    let { cart } = await medusa.carts.create({ region_id: SEED.regions.eu, items: [{ variant_id: SEED.variants.teeSmall, quantity: 2 }] })
    ;({ cart } = await medusa.carts.update(cart.id, {
      email: "ada@example.com",
      shipping_address: { first_name: "Ada", city: "Paris", country_code: "fr" },
      gift_cards: [{ code: SEED.giftCards.euro20 }],
    }))
    expect(cart.gift_cards).toMatchObject([{ code: SEED.giftCards.euro20 }])
    expect(cart).toMatchObject({ email: "ada@example.com", subtotal: 5000, gift_card_total: 2000, total: 3000 })
    expectV1Totals(cart)

    ;({ cart } = await medusa.carts.addShippingMethod(cart.id, { option_id: SEED.shippingOptions.euExpress }))
    ;({ cart } = await calculateTaxes(medusa, cart.id))
    // 5000 items + 1500 shipping + 20 % VAT (1300) − 2000 gift card.
    expect(cart).toMatchObject({ subtotal: 5000, shipping_total: 1500, tax_total: 1300, gift_card_total: 2000, total: 5800 })
    expectV1Totals(cart)

    ;({ cart } = await medusa.carts.createPaymentSessions(cart.id))
    expect(cart.payment_session).toMatchObject({ provider_id: "manual", amount: 5800 })
    const completed = await medusa.carts.complete(cart.id)
    expect(completed.type).toBe("order")
    expect(completed.data).toMatchObject({ total: 5800 })
    const card = await server.storefront.host.giftCards.retrieveByCode(SEED.giftCards.euro20)
    expect(Number(card?.balance)).toBe(0)
  })

  it("refuses an unknown card (404) and a card of another region (400), changing nothing else in the request", async () => {
    const medusa = server.client()
    const { cart } = await medusa.carts.create({ region_id: SEED.regions.eu, items: [{ variant_id: SEED.variants.mug, quantity: 1 }] })
    expect(await failure(medusa.carts.update(cart.id, { email: "new@example.com", gift_cards: [{ code: "NOPE" }] }))).toMatchObject({
      status: 404,
      body: { type: "not_found" },
    })
    expect(
      await failure(medusa.carts.update(cart.id, { email: "new@example.com", gift_cards: [{ code: SEED.giftCards.dollar50 }] })),
    ).toMatchObject({ status: 400, body: { type: "not_allowed" } })
    expect((await medusa.carts.retrieve(cart.id)).cart).toMatchObject({ email: null, gift_cards: [], total: 1250 })
  })
})

describe("Update a Cart's gift_cards replace the cart's list", () => {
  // Its own host: the checkout above redeems the seeded euro card.
  const fresh = useStorefront({ host: seedHost() })

  it("replaces the cart's gift cards with the request's list, as v1 does; [] removes them all", async () => {
    const medusa = fresh.client()
    let { cart } = await medusa.carts.create({ region_id: SEED.regions.eu, items: [{ variant_id: SEED.variants.teeSmall, quantity: 2 }] })
    ;({ cart } = await medusa.carts.update(cart.id, { gift_cards: [{ code: SEED.giftCards.euro20 }] }))
    ;({ cart } = await medusa.carts.update(cart.id, { gift_cards: [{ code: SEED.giftCards.euro5 }] }))
    expect(cart.gift_cards.map((card: Json) => card.code)).toEqual([SEED.giftCards.euro5])
    expect(cart).toMatchObject({ subtotal: 5000, gift_card_total: 500, total: 4500 })
    expectV1Totals(cart)

    ;({ cart } = await medusa.carts.update(cart.id, { gift_cards: [{ code: SEED.giftCards.euro5 }, { code: SEED.giftCards.euro20 }] }))
    expect(cart.gift_cards.map((card: Json) => card.code)).toEqual([SEED.giftCards.euro5, SEED.giftCards.euro20])
    expect(cart).toMatchObject({ gift_card_total: 2500, total: 2500 })

    ;({ cart } = await medusa.carts.update(cart.id, { email: "ada@example.com" }))
    expect(cart.gift_cards).toHaveLength(2)

    ;({ cart } = await medusa.carts.update(cart.id, { gift_cards: [] }))
    expect(cart).toMatchObject({ gift_cards: [], gift_card_total: 0, total: 5000 })
  })
})

describe("Update a Cart is one transaction", () => {
  it("an unknown discount code with a new email and address changes nothing (400)", async () => {
    const medusa = server.client()
    const { cart } = await medusa.carts.create({ region_id: SEED.regions.eu, items: [{ variant_id: SEED.variants.mug, quantity: 1 }] })
    const refused = await failure(
      medusa.carts.update(cart.id, { email: "new@example.com", shipping_address: { country_code: "de" }, discounts: [{ code: "NOPE" }] }),
    )
    expect(refused).toMatchObject({ status: 400, body: { type: "invalid_data" } })
    const { cart: after } = await medusa.carts.retrieve(cart.id)
    expect(after).toMatchObject({ email: null, shipping_address: null, discounts: [] })
  })
})

describe("logging in transfers the guest cart", () => {
  it("attaches the guest cart to the customer on their first update, with their email", async () => {
    const medusa = server.client()
    const { cart: guest } = await medusa.carts.create({
      region_id: SEED.regions.eu,
      items: [{ variant_id: SEED.variants.mug, quantity: 1 }],
    })
    const { customer, cookie } = await register("katherine@example.com")
    const { cart } = await medusa.carts.update(guest.id, { discounts: [{ code: SEED.promotions.tenPercent }] }, { Cookie: cookie })
    expect(cart).toMatchObject({ customer_id: customer.id, email: "katherine@example.com", discount_total: 125 })
    expect(await failure(medusa.carts.retrieve(guest.id))).toMatchObject({ status: 404 })
  })

  it("a refused update does not transfer the cart either", async () => {
    const medusa = server.client()
    const { cart: guest } = await medusa.carts.create({ region_id: SEED.regions.eu })
    const { cookie } = await register("dorothy@example.com")
    expect(await failure(medusa.carts.update(guest.id, { discounts: [{ code: "NOPE" }] }, { Cookie: cookie }))).toMatchObject({
      status: 400,
    })
    expect((await medusa.carts.retrieve(guest.id)).cart).toMatchObject({ customer_id: null, email: null })
  })

  it("another customer's cart stays theirs: 404 to someone else logged in", async () => {
    const medusa = server.client()
    const owner = await register("hedy@example.com")
    const { cart } = await medusa.carts.create({ region_id: SEED.regions.eu }, { Cookie: owner.cookie })
    const other = await register("mallory2@example.com")
    expect(await failure(medusa.carts.update(cart.id, {}, { Cookie: other.cookie }))).toMatchObject({
      status: 404,
      body: { type: "not_found" },
    })
    expect((await medusa.carts.retrieve(cart.id, { Cookie: owner.cookie })).cart.customer_id).toBe(owner.customer.id)
  })
})

describe("Complete a Cart when the payment needs the customer's action", () => {
  const strict = useStorefront({ host: seedHost({ paymentActionAbove: 100 }) })

  it('answers 200 { type: "cart" } as v1 does, with the session in requires_more, and no order', async () => {
    const medusa = strict.client()
    let { cart } = await medusa.carts.create({
      region_id: SEED.regions.eu,
      country_code: "fr",
      items: [{ variant_id: SEED.variants.teeSmall, quantity: 5 }],
    })
    ;({ cart } = await medusa.carts.update(cart.id, { email: "ada@example.com" }))
    ;({ cart } = await medusa.carts.createPaymentSessions(cart.id))
    const completed = await medusa.carts.complete(cart.id)
    expect(completed.response.status).toBe(200)
    expect(completed.type).toBe("cart")
    expect(completed.data).toMatchObject({ id: cart.id, completed_at: null, payment_session: { status: "requires_more" } })
    expect(strict.storefront.host.orders.orders.size).toBe(0)
  })
})
