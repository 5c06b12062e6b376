import { Modules } from "@medusajs/framework/utils"
import {
  InMemoryGiftCards,
  addShippingMethod,
  addToCart,
  applyPromotionCodes,
  completeCartStep,
  createCart,
  initializePaymentSessions,
  listShippingOptions,
  refreshTaxes,
} from "cartwright"
import type { CartModuleService } from "cartwright"
import { MedusaFulfillment, MedusaInventory, MedusaPayment, createMedusaPorts } from "cartwright/medusa-ports"
import { medusaModulesForSuite } from "../support/medusa-modules"
import { seedCheckout } from "../support/seed-checkout"
import type { SeededCheckout } from "../support/seed-checkout"
import { germanWebCart } from "../support/seed-commerce"

let seed: SeededCheckout
let carts: CartModuleService
// cartwright/medusa as the app's cart module: Medusa then defines its cart links (cart <-> payment collection).
const medusa = medusaModulesForSuite(["cart", "inventory", "stock_location", "fulfillment", "payment", "order"], async (booted) => {
  seed = await seedCheckout(booted)
  carts = booted.container.resolve<CartModuleService>(Modules.CART)
})

/** The flows' dependencies: every port over Medusa's modules, except gift cards (Medusa 2 has no gift card module). */
function flowDeps() {
  return { cart: carts, ...createMedusaPorts(medusa().container), giftCards: new InMemoryGiftCards([]) }
}

const cartContext = { region_id: null as string | null, currency_code: "eur", sales_channel_id: null as string | null, item_subtotal: "0" }

describe("MedusaInventory over @medusajs/inventory", () => {
  it("sums a variant's available stock over the locations of the cart's sales channel; unmanaged and backordered variants are unlimited", async () => {
    const inventory = new MedusaInventory(medusa().container)
    const { teeM, teeL, mug, book, poster } = seed.variants
    expect(await inventory.availability([teeM, teeL, mug, book, poster], seed.channels.web)).toEqual([
      { variant_id: teeM, available: 8 },
      { variant_id: teeL, available: 20 },
      { variant_id: mug, available: null },
      { variant_id: book, available: null },
      { variant_id: poster, available: 0 },
    ])
    expect(await inventory.availability([poster, teeM], seed.channels.shop)).toEqual([
      { variant_id: poster, available: 2 },
      { variant_id: teeM, available: 0 },
    ])
    // Without a channel, every location counts.
    expect(await inventory.availability([poster], null)).toEqual([{ variant_id: poster, available: 2 }])
  })

  it("reserves through Medusa's reservation items, splitting a line over locations, and releases them", async () => {
    const inventory = new MedusaInventory(medusa().container)
    const module = medusa().container.resolve(Modules.INVENTORY)
    const reservations = await inventory.reserve(
      [
        { variant_id: seed.variants.teeM, quantity: 7, line_item_id: "cali_split" },
        { variant_id: seed.variants.mug, quantity: 1, line_item_id: "cali_mug" },
      ],
      seed.channels.web,
    )
    const items = await module.listReservationItems({ line_item_id: ["cali_split", "cali_mug"] })
    // The first of the channel's locations (Query's order) gives all it has, the other the rest: Berlin 5 + Aarhus 2, or Aarhus 3 + Berlin 4.
    const byLocation = Object.fromEntries(items.map((item) => [item.location_id, Number(item.quantity)]))
    expect([
      { [seed.locations.berlin]: 5, [seed.locations.aarhus]: 2 },
      { [seed.locations.berlin]: 4, [seed.locations.aarhus]: 3 },
    ]).toContainEqual(byLocation)
    expect(reservations.map((reservation) => reservation.quantity).sort()).toEqual(Object.values(byLocation).sort())
    expect(await inventory.availability([seed.variants.teeM], seed.channels.web)).toEqual([
      { variant_id: seed.variants.teeM, available: 1 },
    ])

    await inventory.release(reservations.map((reservation) => reservation.id))
    expect(await module.listReservationItems({ line_item_id: ["cali_split"] })).toEqual([])
    expect(await inventory.availability([seed.variants.teeM], seed.channels.web)).toEqual([
      { variant_id: seed.variants.teeM, available: 8 },
    ])
  })

  it("reserves nothing when one line is short, and names that variant", async () => {
    const inventory = new MedusaInventory(medusa().container)
    const module = medusa().container.resolve(Modules.INVENTORY)
    const attempt = inventory.reserve(
      [
        { variant_id: seed.variants.teeL, quantity: 2, line_item_id: "cali_ok" },
        { variant_id: seed.variants.poster, quantity: 1, line_item_id: "cali_short" },
      ],
      seed.channels.web,
    )
    // The port's error (each package entry bundles its own copy of the class, so no instanceof across entries).
    await expect(attempt).rejects.toMatchObject({
      message: `Not enough stock for variant(s) ${seed.variants.poster}`,
      variantIds: [seed.variants.poster],
    })
    expect(await module.listReservationItems({ line_item_id: ["cali_ok", "cali_short"] })).toEqual([])
  })

  it("takes the host's resolvers instead of Medusa's links when given", async () => {
    const onlyAarhus = new MedusaInventory(medusa().container, { locations: async () => [seed.locations.aarhus] })
    expect(await onlyAarhus.availability([seed.variants.teeM], seed.channels.web)).toEqual([
      { variant_id: seed.variants.teeM, available: 3 },
    ])
    const unmanaged = new MedusaInventory(medusa().container, { variants: async () => [] })
    expect(await unmanaged.availability([seed.variants.teeM], seed.channels.web)).toEqual([
      { variant_id: seed.variants.teeM, available: null },
    ])
  })
})

describe("MedusaFulfillment over @medusajs/fulfillment", () => {
  const germanCart = { ...cartContext, id: "cart_de", shipping_address: { country_code: "DE" } }

  it("lists the storefront options of the channel's fulfillment sets for the shipping country, priced from their price sets", async () => {
    const fulfillment = new MedusaFulfillment(medusa().container)
    const options = await fulfillment.listShippingOptions({
      ...germanCart,
      region_id: seed.regions.eu,
      sales_channel_id: seed.channels.web,
      item_subtotal: "20",
      item_total: "23.8",
    })
    expect(options.map((option) => [option.name, option.amount, option.provider_id]).sort()).toEqual([
      ["Express", "9.9", "manual_manual"],
      ["Standard", "4.9", "manual_manual"],
    ])
    const french = await fulfillment.listShippingOptions({
      ...germanCart,
      sales_channel_id: seed.channels.web,
      shipping_address: { country_code: "fr" },
    })
    expect(french.map((option) => option.name)).toEqual(["France"])
    // The shop channel ships from its store only; its pickup option has no euro price.
    expect(
      await fulfillment.listShippingOptions({
        ...germanCart,
        sales_channel_id: seed.channels.shop,
        shipping_address: { country_code: "dk" },
      }),
    ).toEqual([])
    expect(
      await fulfillment.listShippingOptions({
        ...germanCart,
        currency_code: "dkk",
        sales_channel_id: seed.channels.shop,
        shipping_address: { country_code: "dk" },
      }),
    ).toEqual([expect.objectContaining({ id: seed.shipping.Pickup, amount: "0" })])
  })

  it("prices one option by the cart's item total (Medusa's conditional price), or refuses it outside the cart's context", async () => {
    const fulfillment = new MedusaFulfillment(medusa().container)
    const cart = { ...germanCart, sales_channel_id: seed.channels.web }
    expect(
      await fulfillment.priceShippingOption(seed.shipping.Standard, { ...cart, item_subtotal: "99", item_total: "99.99" }),
    ).toMatchObject({ amount: "4.9", is_tax_inclusive: false })
    expect(
      await fulfillment.priceShippingOption(seed.shipping.Standard, { ...cart, item_subtotal: "90", item_total: "107.1" }),
    ).toMatchObject({ amount: "0" })
    expect(await fulfillment.priceShippingOption(seed.shipping.Returns, cart)).toBeNull()
    expect(await fulfillment.priceShippingOption(seed.shipping["Admin only"], cart)).toBeNull()
    expect(await fulfillment.priceShippingOption(seed.shipping.France, cart)).toBeNull()
    expect(await fulfillment.priceShippingOption(seed.shipping.Standard, { ...cart, sales_channel_id: seed.channels.shop })).toBeNull()
  })

  it("takes the host's fulfillment sets instead of the channel's links when given", async () => {
    const everySet = new MedusaFulfillment(medusa().container, { fulfillmentSets: async () => null })
    const options = await everySet.listShippingOptions({ ...germanCart, sales_channel_id: seed.channels.shop })
    expect(options.map((option) => option.name).sort()).toEqual(["Express", "Standard"])
  })
})

describe("MedusaPayment over @medusajs/payment", () => {
  const input = { cart_id: "cart_payment", provider_id: "pp_system_default", amount: "42.5", currency_code: "eur" }

  it("keeps the cart's sessions in a payment collection linked to the cart, re-prices them, authorises with the system provider", async () => {
    const payment = new MedusaPayment(medusa().container)
    const module = medusa().container.resolve(Modules.PAYMENT)
    const opened = await payment.initiateSession(input)
    expect(opened).toMatchObject({
      cart_id: input.cart_id,
      provider_id: "pp_system_default",
      amount: "42.5",
      currency_code: "eur",
      status: "pending",
    })
    expect(await payment.listSessions(input.cart_id)).toEqual([opened])
    const [collection] = await module.listPaymentCollections({
      id: [(await module.retrievePaymentSession(opened.id)).payment_collection_id],
    })
    expect(Number(collection!.amount)).toBe(42.5)

    const repriced = await payment.updateSession(opened.id, { amount: "40" })
    expect(repriced).toMatchObject({ id: opened.id, amount: "40", status: "pending" })
    const authorized = await payment.authorizeSession(opened.id)
    expect(authorized).toMatchObject({ id: opened.id, status: "authorized" })
    expect(await module.listPayments({ payment_session_id: opened.id })).toHaveLength(1)

    // An authorised payment is fixed in Medusa: a new amount replaces the session, and the old payment is canceled.
    const replaced = await payment.updateSession(opened.id, { amount: "45" })
    expect(replaced).toMatchObject({ amount: "45", status: "pending", provider_id: "pp_system_default" })
    expect(replaced.id).not.toBe(opened.id)
    expect((await payment.listSessions(input.cart_id)).map((session) => session.id)).toEqual([replaced.id])

    await payment.deleteSession(replaced.id)
    await payment.deleteSession("payses_missing")
    expect(await payment.listSessions(input.cart_id)).toEqual([])
    expect(await payment.listSessions("cart_without_sessions")).toEqual([])
  })

  it("returns a provider's decline as the session's status, and authorises once re-priced within the provider's limit", async () => {
    const payment = new MedusaPayment(medusa().container)
    const opened = await payment.initiateSession({
      ...input,
      cart_id: "cart_declined",
      provider_id: "pp_declining_declining",
      amount: "1500",
    })
    expect(await payment.authorizeSession(opened.id)).toMatchObject({ id: opened.id, status: "error" })
    const repriced = await payment.updateSession(opened.id, { amount: "900" })
    expect(await payment.authorizeSession(repriced.id)).toMatchObject({ status: "authorized", amount: "900" })
  })

  it("uses the oldest of several collections linked to one cart (two first sessions opened at once), whatever the link order", async () => {
    const payment = new MedusaPayment(medusa().container)
    const module = medusa().container.resolve(Modules.PAYMENT)
    // The racing call's collection: created first, linked last.
    const [older] = await module.createPaymentCollections([{ currency_code: "eur", amount: 42.5 }])
    const lost = await payment.initiateSession({ ...input, cart_id: "cart_raced" })
    await medusa().link.create({ [Modules.CART]: { cart_id: "cart_raced" }, [Modules.PAYMENT]: { payment_collection_id: older!.id } })
    expect(await payment.listSessions("cart_raced")).toEqual([])
    const kept = await payment.initiateSession({ ...input, cart_id: "cart_raced" })
    expect((await module.retrievePaymentSession(kept.id)).payment_collection_id).toBe(older!.id)
    expect((await payment.listSessions("cart_raced")).map((session) => session.id)).toEqual([kept.id])
    expect(lost.id).not.toBe(kept.id)
  })

  it("keeps the cart <-> collection pairing in the host's store when given", async () => {
    const pairs = new Map<string, string>()
    const collections = {
      collectionOf: async (cartId: string) => pairs.get(cartId) ?? null,
      cartOf: async (collectionId: string) => [...pairs].find(([, id]) => id === collectionId)?.[0] ?? null,
      linkCollection: async (cartId: string, collectionId: string) => void pairs.set(cartId, collectionId),
    }
    const payment = new MedusaPayment(medusa().container, { collections })
    const opened = await payment.initiateSession({ ...input, cart_id: "cart_host_store" })
    expect(pairs.get("cart_host_store")).toMatch(/^pay_col_/)
    expect(await payment.listSessions("cart_host_store")).toEqual([opened])
    expect(await new MedusaPayment(medusa().container).listSessions("cart_host_store")).toEqual([])
  })
})

describe("the checkout flow on Medusa's inventory, fulfillment, payment and order modules", () => {
  it("checks stock when adding, ships with a conditional price, pays through pp_system_default, reserves stock and creates the order at completion, undoes both", async () => {
    const deps = flowDeps()
    const inventory = medusa().container.resolve(Modules.INVENTORY)
    const orders = medusa().container.resolve(Modules.ORDER)
    const cart = await createCart(deps, {
      ...germanWebCart(seed),
      email: "bob@example.com",
      items: [{ variant_id: seed.variants.teeM, quantity: 2 }],
    })
    await expect(addToCart(deps, { cart_id: cart.id, variant_id: seed.variants.teeM, quantity: 7 })).rejects.toMatchObject({
      type: "not_allowed",
    })
    await expect(addToCart(deps, { cart_id: cart.id, variant_id: seed.variants.poster, quantity: 1 })).rejects.toMatchObject({
      type: "invalid_data",
    })
    await addToCart(deps, { cart_id: cart.id, variant_id: seed.variants.teeM, quantity: 1 })

    // 3 × 20 = 60 of items: standard shipping costs 4.90.
    expect((await listShippingOptions(deps, { cart_id: cart.id })).map((option) => [option.name, option.amount]).sort()).toEqual([
      ["Express", "9.9"],
      ["Standard", "4.9"],
    ])
    const shipped = await addShippingMethod(deps, { cart_id: cart.id, option_id: seed.shipping.Standard })
    expect(shipped.shipping_methods?.[0]).toMatchObject({
      shipping_option_id: seed.shipping.Standard,
      name: "Standard",
      raw_amount: { value: "4.9" },
    })
    // Two more tees make the items 100: the refresh re-prices the method through Medusa, now free.
    const bigger = await addToCart(deps, { cart_id: cart.id, variant_id: seed.variants.teeL, quantity: 2 })
    expect(Number(bigger.shipping_methods?.[0]?.amount)).toBe(0)
    expect(bigger.total?.toString()).toBe("100")

    const withSession = await initializePaymentSessions(deps, { cart_id: cart.id })
    expect(withSession.id).toBe(cart.id)
    const { output, compensation } = await completeCartStep.invoke(deps, { cart_id: cart.id, authorize_payment: true })
    expect(output.cart.completed_at).toBeTruthy()
    const [session] = await deps.payment.listSessions(cart.id)
    expect(session).toMatchObject({ provider_id: "pp_system_default", status: "authorized", amount: "100" })

    // The order in Medusa's order module: the cart's lines and shipping, its total, linked to the cart.
    expect(output.order).toMatchObject({
      cart_id: cart.id,
      currency_code: "eur",
      total: "100",
      email: "bob@example.com",
      status: "pending",
      payment_provider_id: "pp_system_default",
    })
    const order = await orders.retrieveOrder(output.order.id, { relations: ["items", "shipping_methods"] })
    expect(order.items?.map((item) => [item.variant_sku, Number(item.quantity), Number(item.unit_price)]).sort()).toEqual([
      ["TEE-L", 2, 20],
      ["TEE-M", 3, 20],
    ])
    expect(order.shipping_methods?.map((method) => [method.name, Number(method.amount), method.shipping_option_id])).toEqual([
      ["Standard", 0, seed.shipping.Standard],
    ])
    expect(await deps.orders.retrieveOrder(output.order.id)).toMatchObject({ id: output.order.id, cart_id: cart.id, total: "100" })
    // As Medusa's completion links them: the order's payment collection holds the authorised payment.
    const { data: withPayments } = await medusa()
      .container.resolve<{
        graph(config: unknown): Promise<{ data: { payment_collections?: { payments?: { amount: number; provider_id: string }[] }[] }[] }>
      }>("query")
      .graph({
        entity: "order",
        fields: ["id", "payment_collections.payments.amount", "payment_collections.payments.provider_id"],
        filters: { id: [output.order.id] },
      })
    expect(
      withPayments[0]?.payment_collections
        ?.flatMap((collection) => collection.payments ?? [])
        .map((paid) => [Number(paid.amount), paid.provider_id]),
    ).toEqual([[100, "pp_system_default"]])

    const lineIds = (output.cart.items ?? []).map((item) => item.id)
    expect((await inventory.listReservationItems({ line_item_id: lineIds })).map((item) => Number(item.quantity)).sort()).toEqual([2, 3])
    expect(await deps.inventory.availability([seed.variants.teeM, seed.variants.teeL], seed.channels.web)).toEqual([
      { variant_id: seed.variants.teeM, available: 5 },
      { variant_id: seed.variants.teeL, available: 18 },
    ])

    await completeCartStep.compensate(deps, compensation)
    expect(await inventory.listReservationItems({ line_item_id: lineIds })).toEqual([])
    expect(await orders.listOrders({ id: [output.order.id] })).toEqual([])
    expect(await deps.orders.retrieveOrder(output.order.id)).toBeNull()
    const query = medusa().container.resolve<{ graph(config: unknown): Promise<{ data: unknown[] }> }>("query")
    for (const entity of ["order_cart", "order_payment_collection"]) {
      expect([entity, (await query.graph({ entity, fields: ["order_id"], filters: { order_id: [output.order.id] } })).data]).toEqual([
        entity,
        [],
      ])
    }
    expect((await deps.inventory.availability([seed.variants.teeM], seed.channels.web))[0]?.available).toBe(8)
  })

  it("hands Medusa's order module the cart's tax lines and adjustments, so that the order's own totals are the cart's", async () => {
    const deps = flowDeps()
    const orders = medusa().container.resolve(Modules.ORDER)
    const cart = await createCart(deps, {
      ...germanWebCart(seed),
      email: "ada@example.com",
      items: [
        { variant_id: seed.variants.teeL, quantity: 3 },
        { variant_id: seed.variants.book, quantity: 2 },
      ],
    })
    await addShippingMethod(deps, { cart_id: cart.id, option_id: seed.shipping.Express })
    await refreshTaxes(deps, { cart_id: cart.id })
    const discounted = await applyPromotionCodes(deps, { cart_id: cart.id, codes: ["TENOFF"] })
    // 60 of tees at 19 %, 19.98 of books at 7 % (their product type's rate), 10 % off the items, Express 9.90 at 19 %.
    expect(discounted.total?.toString()).toBe("95.28174")
    await initializePaymentSessions(deps, { cart_id: cart.id })
    const { output } = await completeCartStep.invoke(deps, { cart_id: cart.id, authorize_payment: true })

    const order = await orders.retrieveOrder(output.order.id, {
      select: ["id", "total", "tax_total", "discount_total", "shipping_total"],
      relations: ["items", "items.tax_lines", "items.adjustments", "shipping_methods", "shipping_methods.tax_lines"],
    })
    expect(
      order.items
        ?.map((item) => [
          item.variant_sku,
          item.tax_lines?.map((line) => [line.code, Number(line.rate)]),
          item.adjustments?.map((adjustment) => adjustment.code),
        ])
        .sort(),
    ).toEqual([
      ["BOOK", [["DE7", 7]], ["TENOFF"]],
      ["TEE-L", [["DE19", 19]], ["TENOFF"]],
    ])
    expect(order.shipping_methods?.map((method) => method.tax_lines?.map((line) => line.code))).toEqual([["DE19"]])
    for (const field of ["total", "tax_total", "discount_total", "shipping_total"] as const) {
      expect([field, Number(order[field])]).toEqual([field, Number(discounted[field]?.toString())])
    }
    expect(output.order.total).toBe(discounted.total?.toString())
  })
})
