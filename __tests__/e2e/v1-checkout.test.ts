import { DEMO_SHIPPING_ADDRESS, SEED } from "../../examples/storefront/seed"
import { calculateTaxes, useStorefront, expectV1Totals } from "./support/storefront-harness"
import type { Json } from "./support/storefront-harness"

const server = useStorefront()

describe("a v1 checkout with @medusajs/medusa-js", () => {
  it("runs from an empty cart to an order with integer totals in the smallest unit", async () => {
    const medusa = server.client()
    const { regions } = await medusa.regions.list()
    expect(regions.map((region: Json) => [region.id, region.currency_code])).toEqual([
      [SEED.regions.eu, "eur"],
      [SEED.regions.us, "usd"],
    ])
    const { region } = await medusa.regions.retrieve(SEED.regions.eu)
    expect(region.countries.map((country: Json) => country.iso_2)).toEqual(["de", "fr", "it"])

    let { cart } = await medusa.carts.create({
      region_id: SEED.regions.eu,
      country_code: "FR",
      items: [{ variant_id: SEED.variants.teeSmall, quantity: 2 }],
    })
    expect(cart).toMatchObject({
      region_id: SEED.regions.eu,
      region: { id: SEED.regions.eu, currency_code: "eur" },
      shipping_address: { country_code: "fr" },
      payment_sessions: [],
      payment_session: null,
      discounts: [],
      gift_cards: [],
    })
    expect(cart.items).toMatchObject([{ variant_id: SEED.variants.teeSmall, quantity: 2, unit_price: 2500, subtotal: 5000 }])

    ;({ cart } = await medusa.carts.lineItems.create(cart.id, { variant_id: SEED.variants.mug, quantity: 1 }))
    expect(cart.items.map((item: Json) => item.unit_price)).toEqual([2500, 1250])
    ;({ cart } = await medusa.carts.update(cart.id, {
      email: "ada@example.com",
      shipping_address: DEMO_SHIPPING_ADDRESS,
      billing_address: { first_name: "Ada", last_name: "Lovelace", city: "Paris", country_code: "fr" },
    }))
    expect(cart).toMatchObject({ email: "ada@example.com", shipping_address: { city: "Paris" }, billing_address: { city: "Paris" } })

    const { shipping_options: options } = await medusa.shippingOptions.listCartOptions(cart.id)
    expect(options.map((option: Json) => [option.id, option.amount])).toEqual([
      [SEED.shippingOptions.euStandard, 500],
      [SEED.shippingOptions.euExpress, 1500],
    ])
    ;({ cart } = await medusa.carts.addShippingMethod(cart.id, { option_id: SEED.shippingOptions.euExpress }))
    expect(cart.shipping_methods).toMatchObject([{ shipping_option_id: SEED.shippingOptions.euExpress, price: 1500 }])
    expect(cart).toMatchObject({ subtotal: 6250, shipping_total: 1500, total: 7750 })

    ;({ cart } = await medusa.carts.update(cart.id, { discounts: [{ code: SEED.promotions.tenPercent }] }))
    expect(cart.discounts).toMatchObject([{ code: SEED.promotions.tenPercent, rule: { type: "percentage", value: 10 } }])
    expect(cart.discount_total).toBe(625)

    ;({ cart } = await calculateTaxes(medusa, cart.id))
    // 20 % VAT on the discounted items (5625) and on shipping (1500).
    expect(cart).toMatchObject({
      subtotal: 6250,
      discount_total: 625,
      item_tax_total: 1125,
      shipping_tax_total: 300,
      tax_total: 1425,
      total: 8550,
    })
    expectV1Totals(cart)

    ;({ cart } = await medusa.carts.createPaymentSessions(cart.id))
    expect(cart.payment_sessions).toMatchObject([{ provider_id: "manual", status: "pending", is_selected: true, amount: 8550 }])
    ;({ cart } = await medusa.carts.setPaymentSession(cart.id, { provider_id: "manual" }))
    expect(cart.payment_session).toMatchObject({ provider_id: "manual", is_selected: true, amount: cart.total })

    const completed = await medusa.carts.complete(cart.id)
    expect(completed.type).toBe("order")
    expect(completed.data).toMatchObject({
      cart_id: cart.id,
      currency_code: "eur",
      total: 8550,
      subtotal: 6250,
      tax_total: 1425,
      email: "ada@example.com",
    })
    expect(completed.response.headers["idempotency-key"]).toEqual(expect.any(String))
    const order = server.storefront.host.orders.orders.get(completed.data.id)
    expect(order?.total).toBe("85.5")
  })

  it("keeps the v1 identity exactly on prices that do not divide evenly", async () => {
    const medusa = server.client()
    let { cart } = await medusa.carts.create({
      region_id: SEED.regions.us,
      country_code: "us",
      items: [{ variant_id: SEED.variants.mug, quantity: 3 }],
    })
    ;({ cart } = await medusa.carts.addShippingMethod(cart.id, { option_id: SEED.shippingOptions.usStandard }))
    ;({ cart } = await medusa.carts.update(cart.id, { discounts: [{ code: SEED.promotions.tenPercent }] }))
    ;({ cart } = await calculateTaxes(medusa, cart.id))
    expect(cart.items[0]).toMatchObject({ unit_price: 1499, subtotal: 4497 })
    expectV1Totals(cart)
    ;({ cart } = await medusa.carts.createPaymentSessions(cart.id))
    expect(cart.payment_session.amount).toBe(cart.total)
  })
})
