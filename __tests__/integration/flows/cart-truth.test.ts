import { addToCart } from "../../../src/flows/add-to-cart"
import { completeCart } from "../../../src/flows/complete-cart"
import { createCart } from "../../../src/flows/create-cart"
import { initializePaymentSessions } from "../../../src/flows/payment-sessions"
import { refreshTaxes } from "../../../src/flows/refresh-taxes"
import { addShippingMethod } from "../../../src/flows/shipping"
import { updateShippingAddress } from "../../../src/flows/update-cart-details"
import { updateLineItemQuantity } from "../../../src/flows/update-line-item"
import { updateRegionStep } from "../../../src/flows/update-region"
import { updateSalesChannel } from "../../../src/flows/update-sales-channel"
import { InMemoryFulfillment } from "../../../src/ports/fulfillment"
import { InMemoryInventory } from "../../../src/ports/inventory"
import { InMemoryPricing } from "../../../src/ports/pricing"
import { InMemorySalesChannels } from "../../../src/ports/sales-channel"
import { eu, SEED, us, useFlows, v } from "./flow-fixture"

const flows = useFlows()

/** The seeded host with a tiered tee price, a France-only option, stock for the mug and a second channel. */
const shop = () =>
  flows.withHost({
    pricing: new InMemoryPricing([
      { variant_id: v.teeSmall, currency_code: "eur", amount: 25 },
      { variant_id: v.teeSmall, currency_code: "eur", amount: 20, min_quantity: 5 },
      { variant_id: v.teeSmall, currency_code: "usd", amount: 29 },
      { variant_id: v.mug, currency_code: "eur", amount: "12.50" },
      { variant_id: v.mug, currency_code: "usd", amount: "14.99" },
      { variant_id: v.poster, currency_code: "eur", amount: 18 },
    ]),
    fulfillment: new InMemoryFulfillment([
      { id: "so_free", name: "Free above 100", region_id: eu, amount: 5, free_above: 100 },
      { id: "so_fr", name: "Colissimo", region_id: eu, amount: 7, countries: ["fr"] },
    ]),
    inventory: new InMemoryInventory([{ variant_id: v.mug, quantity: 3 }]),
    salesChannels: new InMemorySalesChannels([
      { id: SEED.salesChannels.web, name: "Web" },
      { id: "sc_pos", name: "Shop floor" },
      { id: "sc_old", name: "Old", is_disabled: true },
    ]),
  })

describe("money state lives outside metadata (#12)", () => {
  it("does not let a forged authorized session in metadata complete a cart", async () => {
    const deps = shop()
    const cart = await createCart(deps, { region_id: eu, items: [{ variant_id: v.mug, quantity: 1 }] })
    await deps.cart.updateCarts(cart.id, {
      metadata: {
        payment_sessions: [
          {
            id: "payses_forged",
            provider_id: "manual",
            amount: 12.5,
            currency_code: "eur",
            status: "authorized",
            data: {},
            is_selected: true,
          },
        ],
      },
    })
    await expect(completeCart(deps, { cart_id: cart.id })).rejects.toMatchObject({
      type: "not_allowed",
      message: expect.stringContaining("no authorized payment session"),
    })
    expect((await deps.cart.retrieveCart(cart.id)).completed_at).toBeNull()
  })

  it("never returns an order named by a forged metadata.completion", async () => {
    const deps = shop()
    const victim = await createCart(deps, { region_id: eu, email: "victim@example.com", items: [{ variant_id: v.mug, quantity: 1 }] })
    await initializePaymentSessions(deps, { cart_id: victim.id })
    const { order: victimOrder } = await completeCart(deps, { cart_id: victim.id, authorize_payment: true })

    const attacker = await createCart(deps, { region_id: eu, items: [{ variant_id: v.mug, quantity: 1 }] })
    await deps.cart.updateCarts(attacker.id, { metadata: { completion: { order_id: victimOrder.id, idempotency_key: null } } })
    await expect(completeCart(deps, { cart_id: attacker.id })).rejects.toMatchObject({ type: "not_allowed" })

    await initializePaymentSessions(deps, { cart_id: attacker.id })
    const { order: own } = await completeCart(deps, { cart_id: attacker.id, authorize_payment: true })
    await deps.cart.updateCarts(attacker.id, { metadata: { completion: { order_id: victimOrder.id, idempotency_key: null } } })
    const replay = await completeCart(deps, { cart_id: attacker.id })
    expect(replay).toMatchObject({ replayed: true, order: { id: own.id } })
    expect(replay.order.id).not.toBe(victimOrder.id)
  })

  it("takes the cart lock without bumping the version or emitting an event", async () => {
    const cart = await createCart(flows.deps, { region_id: eu })
    flows.fixture.events.clear()
    const locked = await flows.deps.cart.transaction((ctx) => flows.deps.cart.lockCart(cart.id, ctx))
    expect(locked.version).toBe(cart.version)
    expect((await flows.deps.cart.retrieveCart(cart.id, { select: ["version"] })).version).toBe(cart.version)
    expect(flows.fixture.events.events).toEqual([])
  })
})

describe("the shared refresh keeps a cart priced, shipped and taxed (#15)", () => {
  it("re-prices a line that reaches a quantity tier when added in steps", async () => {
    const deps = shop()
    const cart = await createCart(deps, { region_id: eu })
    for (let step = 0; step < 5; step++) await addToCart(deps, { cart_id: cart.id, variant_id: v.teeSmall, quantity: 1 })
    const after = await deps.cart.retrieveCart(cart.id, { relations: ["items"] })
    expect(after.items?.map((item) => [item.quantity, Number(item.unit_price)])).toEqual([[5, 20]])
    const back = await updateLineItemQuantity(deps, { cart_id: cart.id, line_id: after.items![0]!.id, quantity: 4 })
    expect(back.items?.map((item) => Number(item.unit_price))).toEqual([25])
  })

  it("charges a free-above-100 option again when the cart shrinks below 100", async () => {
    const deps = shop()
    const cart = await createCart(deps, { region_id: eu, country_code: "fr", items: [{ variant_id: v.teeSmall, quantity: 5 }] })
    const shipped = await addShippingMethod(deps, { cart_id: cart.id, option_id: "so_free" })
    expect(shipped.shipping_methods?.map((method) => Number(method.amount))).toEqual([0])
    const shrunk = await updateLineItemQuantity(deps, { cart_id: cart.id, line_id: cart.items![0]!.id, quantity: 1 })
    expect(shrunk.shipping_methods?.map((method) => Number(method.amount))).toEqual([5])
    expect(shrunk.total?.numeric).toBe(30)
  })

  it("removes a shipping method whose option does not serve the new address, and re-taxes", async () => {
    const deps = shop()
    const cart = await createCart(deps, { region_id: eu, country_code: "fr", items: [{ variant_id: v.mug, quantity: 2 }] })
    await addShippingMethod(deps, { cart_id: cart.id, option_id: "so_fr" })
    const taxed = await refreshTaxes(deps, { cart_id: cart.id })
    expect(taxed.tax_total?.numeric).toBeCloseTo(6.4)
    const moved = await updateShippingAddress(deps, { cart_id: cart.id, address: { country_code: "de" } })
    expect(moved.shipping_methods).toEqual([])
    expect(moved.items?.[0]?.tax_lines?.map((line) => line.code)).toEqual(["VAT-DE"])
  })

  it("re-prices a custom-priced line through the pricing port on a region change, and removes one it cannot price", async () => {
    const deps = shop()
    const cart = await createCart(deps, { region_id: eu, items: [{ variant_id: v.mug, quantity: 1 }] })
    await deps.cart.updateLineItems(cart.items![0]!.id, { unit_price: 7, is_custom_price: true })
    const [engraving] = await deps.cart.addLineItems(cart.id, [{ title: "Engraving", quantity: 1, unit_price: 3, is_custom_price: true }])
    const { output: moved, compensation } = await updateRegionStep.invoke(deps, { cart_id: cart.id, region_id: us })
    expect(moved.currency_code).toBe("usd")
    expect(moved.items?.map((item) => [item.title, Number(item.unit_price), item.is_custom_price])).toEqual([["Enamel Mug", 14.99, false]])
    expect(compensation.removed_line_ids).toEqual([engraving!.id])
    await updateRegionStep.compensate(deps, compensation)
    const back = await deps.cart.retrieveCart(cart.id, { relations: ["items"] })
    expect(back.currency_code).toBe("eur")
    expect(back.items?.map((item) => item.title).sort()).toEqual(["Enamel Mug", "Engraving"])
  })

  it("refuses an unknown or disabled sales channel, and switching removes lines not sold there", async () => {
    const deps = shop()
    await expect(createCart(deps, { region_id: eu, sales_channel_id: "sc_nope" })).rejects.toMatchObject({ type: "not_found" })
    await expect(createCart(deps, { region_id: eu, sales_channel_id: "sc_old" })).rejects.toMatchObject({ type: "not_allowed" })
    const cart = await createCart(deps, {
      region_id: eu,
      sales_channel_id: SEED.salesChannels.web,
      items: [
        { variant_id: v.poster, quantity: 1 },
        { variant_id: v.mug, quantity: 1 },
      ],
    })
    await expect(updateSalesChannel(deps, { cart_id: cart.id, sales_channel_id: "sc_nope" })).rejects.toMatchObject({ type: "not_found" })
    const { cart: switched, report } = await updateSalesChannel(deps, { cart_id: cart.id, sales_channel_id: "sc_pos" })
    expect(switched.sales_channel_id).toBe("sc_pos")
    expect(switched.items?.map((item) => item.variant_id)).toEqual([v.mug])
    expect(report.removed_lines).toEqual([expect.objectContaining({ variant_id: v.poster, reason: "not_in_sales_channel" })])
  })
})

describe("inventory (#15)", () => {
  it("refuses an add or a quantity above the available stock, naming the variant and what is available", async () => {
    const deps = shop()
    const cart = await createCart(deps, { region_id: eu, items: [{ variant_id: v.mug, quantity: 2 }] })
    await expect(addToCart(deps, { cart_id: cart.id, variant_id: v.mug, quantity: 2 })).rejects.toMatchObject({
      type: "not_allowed",
      message: expect.stringMatching(/variant_mug.*3 available, 4 requested/),
    })
    await expect(updateLineItemQuantity(deps, { cart_id: cart.id, line_id: cart.items![0]!.id, quantity: 4 })).rejects.toMatchObject({
      type: "not_allowed",
      message: expect.stringContaining("3 available"),
    })
    await expect(createCart(deps, { region_id: eu, items: [{ variant_id: v.mug, quantity: 4 }] })).rejects.toMatchObject({
      type: "not_allowed",
    })
    expect((await addToCart(deps, { cart_id: cart.id, variant_id: v.mug, quantity: 1 })).items?.map((item) => item.quantity)).toEqual([3])
  })
})
