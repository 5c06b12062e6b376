import { InMemoryFulfillment } from "../../../src/ports/fulfillment"
import { InMemoryGiftCards } from "../../../src/ports/gift-card"
import { InMemoryInventory, InsufficientStockError } from "../../../src/ports/inventory"
import { InMemoryOrders } from "../../../src/ports/order"
import { InMemoryPayment } from "../../../src/ports/payment"
import { InMemoryPricing } from "../../../src/ports/pricing"
import { InMemoryPromotions } from "../../../src/ports/promotion"
import { InMemoryRegions } from "../../../src/ports/region"
import { InMemorySalesChannels } from "../../../src/ports/sales-channel"
import { InMemoryTax } from "../../../src/ports/tax"
import type { CartDTO } from "../../../src/types/dtos"

describe("InMemoryPricing", () => {
  const pricing = new InMemoryPricing([
    { variant_id: "v1", currency_code: "eur", amount: 10 },
    { variant_id: "v1", currency_code: "eur", amount: 9, min_quantity: 10 },
    { variant_id: "v1", currency_code: "eur", region_id: "reg_fr", amount: 11 },
  ])

  it("prefers a region price, then the highest quantity tier reached; null when no price", async () => {
    const prices = await pricing.calculatePrices([
      { variant_id: "v1", currency_code: "EUR", quantity: 1 },
      { variant_id: "v1", currency_code: "eur", quantity: 10 },
      { variant_id: "v1", currency_code: "eur", region_id: "reg_fr", quantity: 1 },
      { variant_id: "v1", currency_code: "usd", quantity: 1 },
    ])
    expect(prices.map((price) => price?.amount ?? null)).toEqual(["10", "9", "11", null])
  })
})

describe("InMemoryTax", () => {
  const tax = new InMemoryTax([
    { region_id: "eu", rate: 20, code: "VAT" },
    { region_id: "eu", country_code: "DE", rate: 19, code: "VAT-DE" },
  ])
  const query = {
    cart_id: "c",
    region_id: "eu",
    currency_code: "eur",
    items: [{ id: "i1", unit_price: "10", quantity: 1 }],
    shipping_methods: [{ id: "m1", amount: "5" }],
  }

  it("uses the country's rate over the region's, for items and shipping", async () => {
    const lines = await tax.getTaxLines({ ...query, address: { country_code: "de" } })
    expect(lines.item_tax_lines).toMatchObject([{ item_id: "i1", code: "VAT-DE", rate: 19 }])
    expect(lines.shipping_tax_lines).toMatchObject([{ shipping_method_id: "m1", code: "VAT-DE", rate: 19 }])
    expect((await tax.getTaxLines({ ...query, address: null })).item_tax_lines[0]?.rate).toBe(20)
  })

  it("returns no lines for a region without a rate", async () => {
    expect(await tax.getTaxLines({ ...query, region_id: "us", address: null })).toEqual({ item_tax_lines: [], shipping_tax_lines: [] })
  })
})

describe("InMemoryPromotions", () => {
  const promotions = new InMemoryPromotions([
    { id: "p1", code: "TEN", type: "percentage_items", value: 10 },
    { id: "p2", code: "SHIP", type: "fixed_shipping", value: 100 },
  ])
  const cart = {
    id: "c",
    currency_code: "eur",
    items: [
      { id: "i1", unit_price: "12.5", quantity: 3, is_discountable: true },
      { id: "i2", unit_price: "50", quantity: 1, is_discountable: false },
    ],
    shipping_methods: [{ id: "m1", amount: "5" }],
  }

  it("discounts discountable items by percentage and caps shipping discounts at the amount", async () => {
    const result = await promotions.computeAdjustments(cart, ["ten", "SHIP", "NOPE"])
    expect(result.item_adjustments).toMatchObject([{ item_id: "i1", code: "TEN", amount: "3.75" }])
    expect(result.shipping_adjustments).toMatchObject([{ shipping_method_id: "m1", amount: "5" }])
    expect(result.unknown_codes).toEqual(["NOPE"])
  })
})

describe("InMemoryFulfillment", () => {
  const fulfillment = new InMemoryFulfillment([
    { id: "std", name: "Standard", region_id: "eu", amount: 5, free_above: 100 },
    { id: "us", name: "US", region_id: "us", amount: 7 },
  ])

  it("offers the region's options, free above the threshold, and refuses another region's", async () => {
    const cart = { id: "c", region_id: "eu", currency_code: "eur", item_subtotal: "120" }
    expect((await fulfillment.listShippingOptions(cart)).map((option) => [option.id, option.amount])).toEqual([["std", "0"]])
    expect((await fulfillment.listShippingOptions({ ...cart, item_subtotal: "99.99" })).map((option) => option.amount)).toEqual(["5"])
    expect(await fulfillment.priceShippingOption("us", cart)).toBeNull()
  })
})

describe("InMemoryPayment", () => {
  it("keeps sessions per cart, authorises, voids the authorisation on a new amount, and declines above the limit", async () => {
    const payment = new InMemoryPayment({ declineAbove: 100 })
    const session = await payment.initiateSession({ provider_id: "manual", cart_id: "c", amount: "50", currency_code: "eur" })
    expect((await payment.listSessions("c")).map((s) => s.id)).toEqual([session.id])
    expect(await payment.listSessions("other")).toEqual([])
    expect((await payment.authorizeSession(session.id)).status).toBe("authorized")
    expect((await payment.updateSession(session.id, { data: { note: "x" } })).status).toBe("authorized")
    const updated = await payment.updateSession(session.id, { amount: "150.00" })
    expect(updated).toMatchObject({ status: "pending", amount: "150", data: { note: "x" } })
    expect((await payment.authorizeSession(session.id)).status).toBe("error")
    await payment.deleteSession(session.id)
    expect(payment.sessions.size).toBe(0)
  })
})

describe("InMemoryInventory", () => {
  it("reports stock minus reservations, reserves all or nothing and releases", async () => {
    const inventory = new InMemoryInventory([
      { variant_id: "v1", quantity: 3 },
      { variant_id: "v1", quantity: 10, sales_channel_id: "b2b" },
    ])
    expect(await inventory.availability(["v1", "v2"], null)).toEqual([
      { variant_id: "v1", available: 3 },
      { variant_id: "v2", available: null },
    ])
    expect((await inventory.availability(["v1"], "b2b"))[0]?.available).toBe(10)
    await expect(inventory.reserve([{ variant_id: "v1", quantity: 4, line_item_id: "l1" }], null)).rejects.toBeInstanceOf(
      InsufficientStockError,
    )
    const [reservation] = await inventory.reserve([{ variant_id: "v1", quantity: 2, line_item_id: "l1" }], null)
    expect((await inventory.availability(["v1"], null))[0]?.available).toBe(1)
    await inventory.release([reservation!.id])
    expect((await inventory.availability(["v1"], null))[0]?.available).toBe(3)
  })
})

describe("InMemoryGiftCards", () => {
  it("finds cards by code case-insensitively, redeems exactly and reverts", async () => {
    const cards = new InMemoryGiftCards([{ id: "gc1", code: "GIFT-50", balance: "50.10", currency_code: "eur" }])
    const card = await cards.retrieveByCode("gift-50")
    expect(card?.balance).toBe("50.1")
    const redemption = await cards.redeem("gc1", "20.05", { cart_id: "c" })
    expect(cards.balanceOf("gc1")).toBe("30.05")
    await expect(cards.redeem("gc1", "30.06", { cart_id: "c" })).rejects.toThrow()
    await cards.revertRedemption(redemption.id)
    expect(cards.balanceOf("gc1")).toBe("50.1")
  })
})

describe("InMemorySalesChannels", () => {
  it("finds channels by id", async () => {
    const channels = new InMemorySalesChannels([{ id: "sc1", name: "Web" }])
    expect(await channels.retrieveSalesChannel("sc1")).toMatchObject({ name: "Web" })
    expect(await channels.retrieveSalesChannel("nope")).toBeNull()
  })
})

describe("InMemoryPricing customer groups", () => {
  it("prefers a customer group's price, then the highest tier reached", async () => {
    const pricing = new InMemoryPricing(
      [
        { variant_id: "v", currency_code: "eur", amount: 25 },
        { variant_id: "v", currency_code: "eur", amount: 20, min_quantity: 5 },
        { variant_id: "v", currency_code: "eur", amount: "18.5", customer_group_id: "vip" },
      ],
      { cus_vip: ["vip"] },
    )
    const prices = await pricing.calculatePrices([
      { variant_id: "v", currency_code: "EUR", quantity: 4 },
      { variant_id: "v", currency_code: "eur", quantity: 5 },
      { variant_id: "v", currency_code: "eur", quantity: 1, customer_id: "cus_vip" },
      { variant_id: "v", currency_code: "usd", quantity: 1 },
    ])
    expect(prices.map((price) => price?.amount ?? null)).toEqual(["25", "20", "18.5", null])
  })
})

describe("InMemoryRegions and InMemoryOrders", () => {
  it("finds regions by id with the first as default, lower-casing countries", async () => {
    const regions = new InMemoryRegions([
      { id: "r1", name: "One", currency_code: "eur", countries: ["DE"], payment_providers: [], tax_rate: 19 },
    ])
    expect((await regions.defaultRegion())?.countries).toEqual(["de"])
    expect(await regions.retrieveRegion("nope")).toBeNull()
  })

  it("creates, retrieves and deletes orders", async () => {
    const orders = new InMemoryOrders()
    const cart = { id: "cart_1", currency_code: "eur", email: "a@b.co" } as CartDTO
    const order = await orders.createOrder({ cart, payment: { provider_id: "manual", session_id: "s", amount: "0" } })
    expect(await orders.retrieveOrder(order.id)).toEqual(order)
    await orders.deleteOrder(order.id)
    expect(await orders.retrieveOrder(order.id)).toBeNull()
  })
  it("records the cart's exact total, whatever BigNumber class carries it", async () => {
    const orders = new InMemoryOrders()
    // A host's BigNumber (Medusa's, or totals.bigNumber) exposes its exact value as `raw`, not through toString().
    const hostTotal = { numeric: 85.5, raw: { value: "85.50000000000000000001", precision: 20 }, toJSON: () => 85.5 }
    const cart = { id: "cart_1", currency_code: "eur", email: null, total: hostTotal } as unknown as CartDTO
    const order = await orders.createOrder({ cart, payment: { provider_id: "manual", session_id: "s", amount: "85.5" } })
    expect(order.total).toBe("85.50000000000000000001")
  })
})
