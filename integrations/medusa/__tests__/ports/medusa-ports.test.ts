import { Modules } from "@medusajs/framework/utils"
import {
  InMemoryFulfillment,
  InMemoryGiftCards,
  InMemoryInventory,
  InMemoryOrders,
  InMemoryPayment,
  addShippingMethod,
  addToCart,
  applyPromotionCodes,
  completeCartStep,
  createCart,
  createCartModule,
  initializePaymentSessions,
  refreshTaxes,
  selectPaymentSession,
} from "cartwright"
import type { CartModule } from "cartwright"
import { MedusaPricing, MedusaProductCatalog, MedusaPromotions, MedusaRegions, MedusaTax, createMedusaPorts } from "cartwright/medusa-ports"
import { medusaModulesForSuite } from "../support/medusa-modules"
import { germanWebCart, seedCommerce } from "../support/seed-commerce"
import type { SeededCommerce } from "../support/seed-commerce"

let seed: SeededCommerce
let carts: CartModule
const medusa = medusaModulesForSuite([], async (booted) => {
  seed = await seedCommerce(booted)
  // The cart tables live beside Medusa's, in the same database, in a schema of their own.
  carts = await createCartModule({ database: { clientUrl: booted.database.url, schema: "cartwright" } })
  await carts.migrate()
  return () => carts.close()
})

/** The flows' dependencies: Medusa's modules through the adapters; shipping, payment, orders, stock and gift cards in memory. */
function flowDeps() {
  const ports = createMedusaPorts(medusa().container, { regions: { paymentProviders: ["manual"] } })
  return {
    cart: carts.service,
    ...ports,
    fulfillment: new InMemoryFulfillment([{ id: "so_standard", name: "Standard", region_id: seed.regions.eu, amount: 4.9 }]),
    payment: new InMemoryPayment(),
    orders: new InMemoryOrders(),
    inventory: new InMemoryInventory([]),
    giftCards: new InMemoryGiftCards([]),
  }
}

describe("MedusaProductCatalog over @medusajs/product", () => {
  it("returns variants with the product snapshot Medusa's cart workflows take: type, collection, option values, sales channels", async () => {
    const catalog = new MedusaProductCatalog(medusa().container)
    const [tee] = await catalog.retrieveVariants([seed.variants.teeM, "variant_missing"])
    expect(tee).toEqual({
      id: seed.variants.teeM,
      title: "M",
      sku: "TEE-M",
      barcode: null,
      option_values: { Size: "M" },
      requires_shipping: true,
      product: expect.objectContaining({
        id: seed.products.tee,
        title: "Tee",
        subtitle: "Organic cotton",
        handle: "tee",
        type: "apparel",
        type_id: seed.types.apparel,
        collection: "Summer",
        is_giftcard: false,
        discountable: true,
        sales_channel_ids: [seed.channels.web],
      }),
    })
  })

  it("refuses, through the create-cart flow, a variant not sold in the cart's sales channel", async () => {
    await expect(
      createCart(flowDeps(), {
        region_id: seed.regions.eu,
        sales_channel_id: seed.channels.web,
        items: [{ variant_id: seed.variants.poster, quantity: 1 }],
      }),
    ).rejects.toMatchObject({
      type: "invalid_data",
    })
  })
})

describe("MedusaPricing over @medusajs/pricing", () => {
  const query = { currency_code: "eur", quantity: 1 }

  it("prices by quantity tier, customer group price list, currency and region preference", async () => {
    const pricing = new MedusaPricing(medusa().container)
    const prices = await pricing.calculatePrices([
      { ...query, variant_id: seed.variants.teeL, region_id: seed.regions.eu },
      { ...query, variant_id: seed.variants.teeL, region_id: seed.regions.eu, quantity: 10 },
      { ...query, variant_id: seed.variants.mug, region_id: seed.regions.eu, customer_id: seed.customers.ada },
      { ...query, variant_id: seed.variants.mug, region_id: seed.regions.eu, customer_id: seed.customers.bob },
      { ...query, variant_id: seed.variants.teeM, region_id: seed.regions.dk, currency_code: "dkk" },
      { ...query, variant_id: seed.variants.mug, currency_code: "usd" },
    ])
    expect(prices).toEqual([
      { amount: "20", is_tax_inclusive: false, compare_at_amount: null },
      { amount: "15.5", is_tax_inclusive: false, compare_at_amount: null },
      // Ada is in the VIP group: the sale price, with the regular price to strike through.
      { amount: "10", is_tax_inclusive: false, compare_at_amount: "12.5" },
      { amount: "12.5", is_tax_inclusive: false, compare_at_amount: null },
      { amount: "150", is_tax_inclusive: true, compare_at_amount: null },
      null,
    ])
  })
})

describe("MedusaTax over @medusajs/tax", () => {
  const cart = { cart_id: "cart_x", region_id: null, currency_code: "eur" }

  it("gives each item and shipping method the lines of the address's tax region, with product-type overrides", async () => {
    const tax = new MedusaTax(medusa().container)
    const lines = await tax.getTaxLines({
      ...cart,
      address: { country_code: "DE" },
      items: [
        { id: "item_tee", product_id: seed.products.tee, product_type_id: seed.types.apparel, unit_price: "20", quantity: 1 },
        { id: "item_book", product_id: seed.products.book, product_type_id: seed.types.books, unit_price: "9.99", quantity: 1 },
      ],
      shipping_methods: [{ id: "ship_1", shipping_option_id: "so_standard", amount: "4.9" }],
    })
    expect(lines.item_tax_lines.map((line) => [line.item_id, line.code, line.rate])).toEqual([
      ["item_tee", "DE19", 19],
      ["item_book", "DE7", 7],
    ])
    expect(lines.shipping_tax_lines).toEqual([
      expect.objectContaining({
        shipping_method_id: "ship_1",
        code: "DE19",
        rate: 19,
        description: "MwSt",
        tax_rate_id: expect.stringMatching(/^txr_/),
      }),
    ])
  })

  it("gives no lines without a shipping country, or for a country without a tax region", async () => {
    const tax = new MedusaTax(medusa().container)
    const items = [{ id: "item_tee", product_id: seed.products.tee, unit_price: "20", quantity: 1 }]
    expect(await tax.getTaxLines({ ...cart, address: null, items, shipping_methods: [] })).toEqual({
      item_tax_lines: [],
      shipping_tax_lines: [],
    })
    expect(await tax.getTaxLines({ ...cart, address: { country_code: "fr" }, items, shipping_methods: [] })).toEqual({
      item_tax_lines: [],
      shipping_tax_lines: [],
    })
  })
})

describe("MedusaPromotions over @medusajs/promotion", () => {
  const cart = {
    id: "cart_x",
    currency_code: "eur",
    items: [{ id: "item_1", product_id: "prod_1", unit_price: "20", quantity: 2, is_discountable: true }],
    shipping_methods: [{ id: "ship_1", amount: "4.9" }],
  }

  it("turns codes into item and shipping adjustments with the promotion's id, and reports codes Medusa refuses", async () => {
    const promotions = new MedusaPromotions(medusa().container)
    const result = await promotions.computeAdjustments(cart, ["TENOFF", "SHIPFREE", "NOSUCH", "DRAFTED"])
    expect(result.item_adjustments).toEqual([
      expect.objectContaining({ item_id: "item_1", code: "TENOFF", amount: "4", promotion_id: seed.promotions.tenOff }),
    ])
    expect(result.shipping_adjustments).toEqual([
      expect.objectContaining({ shipping_method_id: "ship_1", code: "SHIPFREE", amount: "4.9", promotion_id: seed.promotions.shipFree }),
    ])
    expect(result.unknown_codes).toEqual(["NOSUCH", "DRAFTED"])
  })
})

describe("MedusaRegions over @medusajs/region", () => {
  it("maps a region's currency and countries, and picks the oldest as the default", async () => {
    const regions = new MedusaRegions(medusa().container, { paymentProviders: ["manual"] })
    const eu = await regions.retrieveRegion(seed.regions.eu)
    expect(eu).toMatchObject({ id: seed.regions.eu, name: "Europe", currency_code: "eur", payment_providers: ["manual"] })
    expect([...eu!.countries].sort()).toEqual(["de", "fr"])
    expect(await regions.retrieveRegion("reg_missing")).toBeNull()
    expect((await regions.defaultRegion())?.id).toBe(seed.regions.eu)
  })
})

describe("the checkout flow on Medusa's modules", () => {
  it("creates a cart by variant, adds a tiered line, taxes it for the address, applies a code, completes, and registers the code's usage", async () => {
    const deps = flowDeps()
    const created = await createCart(deps, {
      ...germanWebCart(seed),
      email: "bob@example.com",
      customer_id: seed.customers.bob,
      items: [{ variant_id: seed.variants.teeM, quantity: 1 }],
    })
    expect(created).toMatchObject({
      currency_code: "eur",
      region_id: seed.regions.eu,
      shipping_address: expect.objectContaining({ country_code: "de" }),
    })
    expect(created.items?.[0]).toMatchObject({
      title: "Tee",
      subtitle: "M",
      variant_sku: "TEE-M",
      product_type: "apparel",
      product_collection: "Summer",
      variant_option_values: { Size: "M" },
    })
    expect(Number(created.items?.[0]?.unit_price)).toBe(20)

    const withTier = await addToCart(deps, { cart_id: created.id, variant_id: seed.variants.teeL, quantity: 10 })
    expect(Number(withTier.items?.find((item) => item.variant_id === seed.variants.teeL)?.unit_price)).toBe(15.5)
    expect(withTier.item_subtotal?.toString()).toBe("175")

    await addShippingMethod(deps, { cart_id: created.id, option_id: "so_standard" })
    const taxed = await refreshTaxes(deps, { cart_id: created.id })
    expect(taxed.items?.map((item) => item.tax_lines?.map((line) => [line.code, Number(line.rate)]))).toEqual([
      [["DE19", 19]],
      [["DE19", 19]],
    ])
    expect(taxed.shipping_methods?.[0]?.tax_lines?.map((line) => line.code)).toEqual(["DE19"])

    const discounted = await applyPromotionCodes(deps, { cart_id: created.id, codes: ["TENOFF"] })
    expect(
      discounted.items?.flatMap((item) => item.adjustments?.map((adjustment) => [adjustment.code, adjustment.promotion_id]) ?? []),
    ).toEqual([
      ["TENOFF", seed.promotions.tenOff],
      ["TENOFF", seed.promotions.tenOff],
    ])
    // 10 % of 175 off the items; VAT on what is left; shipping 4.90 + 19 %.
    expect(discounted.discount_subtotal?.toString()).toBe("17.5")
    expect(discounted.item_total?.toString()).toBe("187.425")
    expect(discounted.total?.toString()).toBe("193.256")

    await initializePaymentSessions(deps, { cart_id: created.id })
    await selectPaymentSession(deps, { cart_id: created.id, provider_id: "manual" })
    const { output, compensation } = await completeCartStep.invoke(deps, { cart_id: created.id, authorize_payment: true })
    expect(output.cart.completed_at).toBeTruthy()
    expect(output.order).toMatchObject({ cart_id: created.id })
    // The code's one use is spent in Medusa's promotion module, so another cart cannot take it.
    const promotionModule = medusa().container.resolve(Modules.PROMOTION)
    expect((await promotionModule.retrievePromotion(seed.promotions.tenOff)).used).toBe(1)
    const other = await createCart(deps, {
      ...germanWebCart(seed),
      items: [{ variant_id: seed.variants.mug, quantity: 1 }],
    })
    await expect(applyPromotionCodes(deps, { cart_id: other.id, codes: ["TENOFF"] })).rejects.toMatchObject({ type: "invalid_data" })

    // Undoing the completion gives the use back.
    await completeCartStep.compensate(deps, compensation)
    expect((await promotionModule.retrievePromotion(seed.promotions.tenOff)).used).toBe(0)
    await expect(applyPromotionCodes(deps, { cart_id: other.id, codes: ["TENOFF"] })).resolves.toMatchObject({ id: other.id })
  })

  it("prices a VIP customer's cart from the group's price list", async () => {
    const cart = await createCart(flowDeps(), {
      region_id: seed.regions.eu,
      sales_channel_id: seed.channels.web,
      customer_id: seed.customers.ada,
      items: [{ variant_id: seed.variants.mug, quantity: 1 }],
    })
    expect([Number(cart.items?.[0]?.unit_price), Number(cart.items?.[0]?.compare_at_unit_price)]).toEqual([10, 12.5])
  })

  it("marks Danish lines tax-inclusive, as the currency's price preference says", async () => {
    const cart = await createCart(flowDeps(), {
      region_id: seed.regions.dk,
      sales_channel_id: seed.channels.web,
      items: [{ variant_id: seed.variants.teeM, quantity: 1 }],
    })
    expect(cart.items?.[0]).toMatchObject({ raw_unit_price: { value: "150" }, is_tax_inclusive: true })
  })
})
