import { createCart, createCartStep } from "../../../src/flows/create-cart"
import { completeCart, completeCartStep } from "../../../src/flows/complete-cart"
import {
  authorizePaymentSession,
  initializePaymentSessions,
  paymentSessionsOf,
  selectPaymentSession,
} from "../../../src/flows/payment-sessions"
import { applyPromotionCodesStep, promotionCodesOf } from "../../../src/flows/promotions"
import { refreshTaxes, refreshTaxesStep } from "../../../src/flows/refresh-taxes"
import { addShippingMethod, addShippingMethodStep } from "../../../src/flows/shipping"
import { updateShippingAddress } from "../../../src/flows/update-cart-details"
import { removeLineItem, removeLineItemStep, updateLineItemQuantity } from "../../../src/flows/update-line-item"
import { updateRegion, updateRegionStep } from "../../../src/flows/update-region"
import { SEED, useFlows } from "./flow-fixture"

const flows = useFlows({ declinePaymentsAbove: 1000 })

async function payableCart(quantity = 1) {
  const cart = await createCart(flows.deps, {
    region_id: SEED.regions.eu,
    country_code: "fr",
    items: [{ variant_id: SEED.variants.teeSmall, quantity }],
  })
  await addShippingMethod(flows.deps, { cart_id: cart.id, option_id: SEED.shippingOptions.euStandard })
  await refreshTaxes(flows.deps, { cart_id: cart.id })
  await initializePaymentSessions(flows.deps, { cart_id: cart.id })
  return cart
}

describe("createCart", () => {
  it("takes the currency from the region and merges repeated variants into one line", async () => {
    const cart = await createCart(flows.deps, {
      region_id: SEED.regions.us,
      email: "guest@example.com",
      context: { ip: "::1" },
      items: [
        { variant_id: SEED.variants.mug, quantity: 1 },
        { variant_id: SEED.variants.mug, quantity: 2 },
      ],
    })
    expect(cart).toMatchObject({ currency_code: "usd", email: "guest@example.com", metadata: { context: { ip: "::1" } } })
    // The US region has one country, so the shipping country is known from the start.
    expect(cart.shipping_address?.country_code).toBe("us")
    expect(cart.items?.map((item) => item.quantity)).toEqual([3])
  })

  it("refuses a variant outside the cart's sales channel and writes nothing", async () => {
    const before = await flows.deps.cart.listCarts({}, { select: ["id"] })
    await expect(createCart(flows.deps, { items: [{ variant_id: SEED.variants.poster, quantity: 1 }] })).rejects.toMatchObject({
      type: "invalid_data",
    })
    expect(await flows.deps.cart.listCarts({}, { select: ["id"] })).toHaveLength(before.length)
  })

  it("compensates by deleting the cart", async () => {
    const { output, compensation } = await createCartStep.invoke(flows.deps, {})
    await createCartStep.compensate(flows.deps, compensation)
    await expect(flows.deps.cart.retrieveCart(output.id)).rejects.toMatchObject({ type: "not_found" })
  })
})

describe("line quantity and removal", () => {
  it("removes the line when its quantity is set to 0", async () => {
    const cart = await createCart(flows.deps, { items: [{ variant_id: SEED.variants.mug, quantity: 2 }] })
    const updated = await updateLineItemQuantity(flows.deps, { cart_id: cart.id, line_id: cart.items![0]!.id, quantity: 0 })
    expect(updated.items).toEqual([])
  })

  it("refuses a line of another cart with not_found and a negative quantity with invalid_data", async () => {
    const mine = await createCart(flows.deps, {})
    const theirs = await createCart(flows.deps, { items: [{ variant_id: SEED.variants.mug, quantity: 1 }] })
    const line = theirs.items![0]!.id
    await expect(updateLineItemQuantity(flows.deps, { cart_id: mine.id, line_id: line, quantity: 1 })).rejects.toMatchObject({
      type: "not_found",
    })
    await expect(removeLineItem(flows.deps, { cart_id: mine.id, line_id: line })).rejects.toMatchObject({ type: "not_found" })
    await expect(updateLineItemQuantity(flows.deps, { cart_id: theirs.id, line_id: line, quantity: -1 })).rejects.toMatchObject({
      type: "invalid_data",
    })
  })

  it("compensates a removal by restoring the line with its tax lines", async () => {
    const cart = await payableCart()
    const line = cart.items![0]!.id
    const { compensation } = await removeLineItemStep.invoke(flows.deps, { cart_id: cart.id, line_id: line })
    await removeLineItemStep.compensate(flows.deps, compensation)
    const [restored] = await flows.deps.cart.listLineItems({ id: line }, { relations: ["tax_lines"] })
    expect(restored?.tax_lines).toHaveLength(1)
  })
})

describe("region, shipping, taxes, promotions", () => {
  it("re-prices lines and drops shipping priced for the old region; compensation puts both back", async () => {
    const cart = await payableCart(2)
    const { output, compensation } = await updateRegionStep.invoke(flows.deps, { cart_id: cart.id, region_id: SEED.regions.us })
    expect(output).toMatchObject({
      currency_code: "usd",
      items: [{ raw_unit_price: { value: "29" } }],
      shipping_methods: [],
      shipping_address: { country_code: "us" },
    })
    await updateRegionStep.compensate(flows.deps, compensation)
    const back = await flows.deps.cart.retrieveCart(cart.id, { relations: ["items", "shipping_methods"] })
    expect(back).toMatchObject({ currency_code: "eur", region_id: SEED.regions.eu, items: [{ raw_unit_price: { value: "25" } }] })
    expect(back.shipping_methods).toHaveLength(1)
    await expect(updateRegion(flows.deps, { cart_id: cart.id, region_id: "reg_nope" })).rejects.toMatchObject({ type: "not_found" })
  })

  it("refuses a shipping country outside the region", async () => {
    const cart = await createCart(flows.deps, { region_id: SEED.regions.eu })
    await expect(updateShippingAddress(flows.deps, { cart_id: cart.id, address: { country_code: "us" } })).rejects.toMatchObject({
      type: "invalid_data",
      issues: [{ path: ["shipping_address", "country_code"] }],
    })
  })

  it("replaces the shipping method and compensates back to the previous one", async () => {
    const cart = await payableCart()
    const { output, compensation } = await addShippingMethodStep.invoke(flows.deps, {
      cart_id: cart.id,
      option_id: SEED.shippingOptions.euExpress,
    })
    expect(output.shipping_methods?.map((method) => method.shipping_option_id)).toEqual([SEED.shippingOptions.euExpress])
    await addShippingMethodStep.compensate(flows.deps, compensation)
    const methods = await flows.deps.cart.listShippingMethods({ cart_id: cart.id })
    expect(methods.map((method) => method.shipping_option_id)).toEqual([SEED.shippingOptions.euStandard])
  })

  it("sets tax lines through the tax port and compensates to the previous ones", async () => {
    const cart = await createCart(flows.deps, { region_id: SEED.regions.eu, items: [{ variant_id: SEED.variants.mug, quantity: 2 }] })
    const { output, compensation } = await refreshTaxesStep.invoke(flows.deps, { cart_id: cart.id })
    expect(output.tax_total?.numeric).toBe(5)
    await refreshTaxesStep.compensate(flows.deps, compensation)
    expect((await flows.deps.cart.listLineItemTaxLines({ cart_id: cart.id })).length).toBe(0)
  })

  it("applies a code as adjustments, keeps it in the checkout state, and compensates it away", async () => {
    const cart = await createCart(flows.deps, { items: [{ variant_id: SEED.variants.teeSmall, quantity: 4 }] })
    const { output, compensation } = await applyPromotionCodesStep.invoke(flows.deps, {
      cart_id: cart.id,
      codes: [SEED.promotions.tenPercent],
    })
    expect(output.discount_total?.numeric).toBe(10)
    expect(await promotionCodesOf(flows.deps, cart.id)).toEqual([SEED.promotions.tenPercent])
    await applyPromotionCodesStep.compensate(flows.deps, compensation)
    const after = await flows.deps.cart.retrieveCart(cart.id)
    expect(after.discount_total?.numeric).toBe(0)
    expect(await promotionCodesOf(flows.deps, cart.id)).toEqual([])
  })
})

describe("completeCart", () => {
  it("requires an authorized payment session", async () => {
    const cart = await payableCart()
    await expect(completeCart(flows.deps, { cart_id: cart.id })).rejects.toMatchObject({ type: "not_allowed" })
    const bare = await createCart(flows.deps, { items: [{ variant_id: SEED.variants.mug, quantity: 1 }] })
    await expect(completeCart(flows.deps, { cart_id: bare.id })).rejects.toMatchObject({ type: "not_allowed" })
    expect((await flows.deps.cart.retrieveCart(cart.id)).completed_at).toBeNull()
  })

  it("re-prices the session when the total changes after authorization, voiding it, and refuses to complete", async () => {
    const cart = await payableCart()
    await authorizePaymentSession(flows.deps, { cart_id: cart.id })
    const changed = await updateLineItemQuantity(flows.deps, { cart_id: cart.id, line_id: cart.items![0]!.id, quantity: 3 })
    const [session] = await paymentSessionsOf(flows.deps, cart.id)
    expect(session).toMatchObject({ status: "pending", amount: changed.total!.raw.value })
    await expect(completeCart(flows.deps, { cart_id: cart.id })).rejects.toMatchObject({
      type: "not_allowed",
      message: expect.stringContaining("no authorized payment session"),
    })
  })

  it("refuses when the provider declines the authorization", async () => {
    const cart = await payableCart(50)
    await expect(completeCart(flows.deps, { cart_id: cart.id, authorize_payment: true })).rejects.toMatchObject({ type: "not_allowed" })
  })

  it("creates one order, sets completed_at, and replays the first order for the same key", async () => {
    const cart = await payableCart()
    await selectPaymentSession(flows.deps, { cart_id: cart.id, provider_id: "manual" })
    await authorizePaymentSession(flows.deps, { cart_id: cart.id })
    const [first, second] = await Promise.all([
      completeCart(flows.deps, { cart_id: cart.id, idempotency_key: "k1" }),
      completeCart(flows.deps, { cart_id: cart.id, idempotency_key: "k1" }),
    ])
    expect(first.order.id).toBe(second.order.id)
    expect([first.replayed, second.replayed].sort()).toEqual([false, true])
    expect(first.cart.completed_at).toBeInstanceOf(Date)
    expect([...flows.deps.orders.orders.values()].filter((order) => order.cart_id === cart.id)).toHaveLength(1)
    await expect(completeCart(flows.deps, { cart_id: cart.id, idempotency_key: "k2" })).rejects.toMatchObject({ type: "not_allowed" })
    await expect(updateLineItemQuantity(flows.deps, { cart_id: cart.id, line_id: cart.items![0]!.id, quantity: 2 })).rejects.toMatchObject({
      type: "not_allowed",
    })
  })

  it("compensates by reopening the cart and deleting the order", async () => {
    const cart = await payableCart()
    const { output, compensation } = await completeCartStep.invoke(flows.deps, { cart_id: cart.id, authorize_payment: true })
    await completeCartStep.compensate(flows.deps, compensation)
    expect((await flows.deps.cart.retrieveCart(cart.id)).completed_at).toBeNull()
    expect(await flows.deps.orders.retrieveOrder(output.order.id)).toBeNull()
  })
})
