import type { AddressInfo } from "node:net"
import { buildStorefront } from "../../examples/storefront/app"
import type { Storefront } from "../../examples/storefront/app"
import { SEED } from "../../examples/storefront/seed"
import { createTestDatabase } from "../support/test-database"
import type { TestDatabase } from "../support/test-database"

interface TaxLineJson { code: string; rate: number }
interface LineJson { id: string; variant_id: string; quantity: number; unit_price: number; tax_lines: TaxLineJson[] }
interface SessionJson { id: string; provider_id: string; status: string; amount: number; is_selected: boolean }
interface CartJson {
  id: string
  total: number
  items: LineJson[]
  shipping_methods: { tax_lines: TaxLineJson[] }[]
  shipping_address: { country_code: string } | null
  completed_at: string | null
  metadata: { context: Record<string, unknown>; payment_sessions: SessionJson[]; promotion_codes: string[] }
  [field: string]: unknown
}
/** Response bodies as these tests read them (each route fills its own part). */
interface Body {
  cart: CartJson
  shipping_options: { id: string; amount: number }[]
  type: string
  message: string
  data: { id: string; cart_id: string; total: number }
}
type Json = Record<string, unknown>

let storefront: Storefront
let database: TestDatabase
let base: string

beforeAll(async () => {
  database = await createTestDatabase()
  storefront = await buildStorefront({ database: { clientUrl: database.url } })
  await storefront.app.listen({ port: 0, host: "127.0.0.1" })
  base = `http://127.0.0.1:${(storefront.app.server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await storefront.close()
  await database.drop()
})

async function http(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Body }> {
  const init: RequestInit = { method, headers: body === undefined ? headers : { "content-type": "application/json", ...headers } }
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body)
  const response = await fetch(`${base}${path}`, init)
  return { status: response.status, body: (await response.json()) as Body }
}

async function newCart(body: Json = {}): Promise<CartJson> {
  const { status, body: json } = await http("POST", "/store/carts", body)
  expect(status).toBe(200)
  return json.cart
}

/** A cart in the EU region with two tees, an address, a shipping method and a selected manual session. */
async function readyCart(): Promise<CartJson> {
  const cart = await newCart({ region_id: SEED.regions.eu, items: [{ variant_id: SEED.variants.teeSmall, quantity: 2 }] })
  await http("POST", `/store/carts/${cart.id}`, { email: "ada@example.com", shipping_address: { first_name: "Ada", country_code: "fr" } })
  await http("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: SEED.shippingOptions.euStandard })
  await http("POST", `/store/carts/${cart.id}/taxes`)
  const { body } = await http("POST", `/store/carts/${cart.id}/payment-sessions`)
  return body.cart
}

describe("Create a Cart (POST /store/carts)", () => {
  it("uses the region's currency, prices the items and stores the context", async () => {
    const cart = await newCart({
      region_id: SEED.regions.us,
      sales_channel_id: SEED.salesChannels.web,
      country_code: "US",
      context: { ip: "::1", user_agent: "Chrome" },
      items: [{ variant_id: SEED.variants.mug, quantity: 2 }],
    })
    expect(cart).toMatchObject({ region_id: SEED.regions.us, currency_code: "usd", sales_channel_id: SEED.salesChannels.web })
    expect(cart.shipping_address?.country_code).toBe("us")
    expect(cart.metadata.context).toEqual({ ip: "::1", user_agent: "Chrome" })
    expect(cart.items).toMatchObject([{ variant_id: SEED.variants.mug, quantity: 2, unit_price: 14.99 }])
    expect(cart.item_subtotal).toBe(29.98)
    expect(cart.total).toBe(29.98)
  })

  it("falls back to the default region and fills the context from the request", async () => {
    const cart = await newCart()
    expect(cart).toMatchObject({ region_id: SEED.regions.eu, currency_code: "eur", items: [] })
    expect(cart.metadata.context.user_agent).toEqual(expect.any(String))
    expect(cart.shipping_address).toBeNull()
  })

  it("answers 400 for a malformed body, 404 for an unknown region, 422 for a country outside the region", async () => {
    expect(await http("POST", "/store/carts", { items: [{ variant_id: SEED.variants.mug, quantity: "two" }] })).toMatchObject({ status: 400, body: { type: "invalid_request_error" } })
    expect(await http("POST", "/store/carts", "{not json")).toMatchObject({ status: 400, body: { type: "invalid_request_error" } })
    expect(await http("POST", "/store/carts", { region_id: "reg_nope" })).toMatchObject({ status: 404, body: { type: "not_found", message: "Region with id: reg_nope was not found" } })
    expect(await http("POST", "/store/carts", { region_id: SEED.regions.eu, country_code: "us" })).toMatchObject({ status: 422, body: { type: "invalid_data" } })
    expect(await http("POST", "/store/carts", { items: [{ variant_id: SEED.variants.poster, quantity: 1 }] })).toMatchObject({ status: 422, body: { type: "invalid_data" } })
  })
})

describe("line items", () => {
  it("adds, merges, updates and removes lines, with totals in every response", async () => {
    const cart = await newCart({ region_id: SEED.regions.eu })
    const added = await http("POST", `/store/carts/${cart.id}/line-items`, { variant_id: SEED.variants.teeSmall, quantity: 1 })
    expect(added.status).toBe(200)
    const merged = await http("POST", `/store/carts/${cart.id}/line-items`, { variant_id: SEED.variants.teeSmall, quantity: 2 })
    expect(merged.body.cart.items).toMatchObject([{ variant_id: SEED.variants.teeSmall, quantity: 3 }])
    expect(merged.body.cart.subtotal).toBe(75)
    const lineId = merged.body.cart.items[0]!.id

    const updated = await http("POST", `/store/carts/${cart.id}/line-items/${lineId}`, { quantity: 5 })
    expect(updated.body.cart.items[0]?.quantity).toBe(5)
    expect(updated.body.cart.total).toBe(125)

    const zeroed = await http("POST", `/store/carts/${cart.id}/line-items/${lineId}`, { quantity: 0 })
    expect(zeroed.body.cart.items).toEqual([])

    await http("POST", `/store/carts/${cart.id}/line-items`, { variant_id: SEED.variants.mug, quantity: 1 })
    const { body } = await http("GET", `/store/carts/${cart.id}`)
    const removed = await http("DELETE", `/store/carts/${cart.id}/line-items/${body.cart.items[0]!.id}`)
    expect(removed).toMatchObject({ status: 200, body: { cart: { items: [], total: 0 } } })
  })

  it("answers 404 for an unknown cart, variant or line, 400 for a missing quantity and 422 for a negative one", async () => {
    const cart = await newCart()
    expect((await http("GET", "/store/carts/cart_missing")).status).toBe(404)
    expect(await http("POST", `/store/carts/${cart.id}/line-items`, { variant_id: "variant_nope", quantity: 1 })).toMatchObject({ status: 404, body: { type: "not_found" } })
    expect((await http("POST", `/store/carts/${cart.id}/line-items/cali_missing`, { quantity: 1 })).status).toBe(404)
    expect((await http("DELETE", `/store/carts/${cart.id}/line-items/cali_missing`)).status).toBe(404)
    expect((await http("POST", `/store/carts/${cart.id}/line-items`, { variant_id: SEED.variants.mug })).status).toBe(400)
    expect(await http("POST", `/store/carts/${cart.id}/line-items`, { variant_id: SEED.variants.mug, quantity: -1 })).toMatchObject({ status: 422, body: { type: "invalid_data" } })
  })

  it("turns parallel adds of one variant into one line", async () => {
    const cart = await newCart()
    const responses = await Promise.all(Array.from({ length: 25 }, () => http("POST", `/store/carts/${cart.id}/line-items`, { variant_id: SEED.variants.mug, quantity: 2 })))
    expect(responses.every((response) => response.status === 200)).toBe(true)
    const { body } = await http("GET", `/store/carts/${cart.id}`)
    expect(body.cart.items.map((item) => item.quantity)).toEqual([50])
  }, 30_000)
})

describe("email, addresses, region", () => {
  it("updates the email and both addresses", async () => {
    const cart = await newCart({ region_id: SEED.regions.eu })
    const { status, body } = await http("POST", `/store/carts/${cart.id}`, {
      email: "ada@example.com",
      shipping_address: { first_name: "Ada", city: "Paris", country_code: "fr" },
      billing_address: { first_name: "Ada", city: "London", country_code: "gb" },
    })
    expect(status).toBe(200)
    expect(body.cart).toMatchObject({ email: "ada@example.com", shipping_address: { city: "Paris", country_code: "fr" }, billing_address: { city: "London" } })
    expect(await http("POST", `/store/carts/${cart.id}`, { email: "not-an-email" })).toMatchObject({ status: 422, body: { type: "invalid_data" } })
    expect(await http("POST", `/store/carts/${cart.id}`, { nope: 1 })).toMatchObject({ status: 400 })
  })

  it("re-prices the items in the new region's currency", async () => {
    const cart = await newCart({ region_id: SEED.regions.eu, items: [{ variant_id: SEED.variants.mug, quantity: 2 }] })
    const { body } = await http("POST", `/store/carts/${cart.id}`, { region_id: SEED.regions.us, country_code: "us" })
    expect(body.cart).toMatchObject({ currency_code: "usd", region_id: SEED.regions.us, items: [{ unit_price: 14.99 }], shipping_address: { country_code: "us" } })
  })
})

describe("shipping, taxes, promotions", () => {
  it("lists the region's options and replaces the shipping method when another is chosen", async () => {
    const cart = await newCart({ region_id: SEED.regions.eu, items: [{ variant_id: SEED.variants.mug, quantity: 1 }] })
    const { body } = await http("GET", `/store/carts/${cart.id}/shipping-options`)
    expect(body.shipping_options.map((option) => [option.id, option.amount])).toEqual([
      [SEED.shippingOptions.euStandard, 5],
      [SEED.shippingOptions.euExpress, 15],
    ])
    await http("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: SEED.shippingOptions.euStandard })
    const second = await http("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: SEED.shippingOptions.euExpress })
    expect(second.body.cart.shipping_methods).toMatchObject([{ shipping_option_id: SEED.shippingOptions.euExpress, amount: 15 }])
    expect(second.body.cart.shipping_total).toBe(15)
    expect(await http("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: SEED.shippingOptions.usExpress })).toMatchObject({ status: 422, body: { type: "invalid_data" } })
  })

  it("calculates taxes for items and shipping from the address's country", async () => {
    const cart = await newCart({ region_id: SEED.regions.eu, country_code: "de", items: [{ variant_id: SEED.variants.teeSmall, quantity: 1 }] })
    await http("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: SEED.shippingOptions.euStandard })
    const { body } = await http("POST", `/store/carts/${cart.id}/taxes`)
    expect(body.cart.items[0]?.tax_lines).toMatchObject([{ code: "VAT-DE", rate: 19 }])
    expect(body.cart.shipping_methods[0]?.tax_lines).toMatchObject([{ code: "VAT-DE", rate: 19 }])
    expect(body.cart.tax_total).toBe(5.7)
    expect(body.cart.total).toBe(35.7)
  })

  it("applies and removes promotion codes; an unknown code is 422", async () => {
    const cart = await newCart({ region_id: SEED.regions.eu, items: [{ variant_id: SEED.variants.teeSmall, quantity: 2 }] })
    const applied = await http("POST", `/store/carts/${cart.id}/promotions`, { promo_codes: [SEED.promotions.tenPercent] })
    expect(applied.body.cart.discount_total).toBe(5)
    expect(applied.body.cart.metadata.promotion_codes).toEqual([SEED.promotions.tenPercent])
    expect(await http("POST", `/store/carts/${cart.id}/promotions`, { promo_codes: ["NOPE"] })).toMatchObject({ status: 422, body: { type: "invalid_data" } })
    const removed = await http("DELETE", `/store/carts/${cart.id}/promotions`, { promo_codes: [SEED.promotions.tenPercent] })
    expect(removed.body.cart).toMatchObject({ discount_total: 0, total: 50 })
  })
})

describe("payment sessions and completion", () => {
  it("runs the whole v1 journey to an order", async () => {
    const cart = await readyCart()
    expect(cart.metadata.payment_sessions).toMatchObject([{ provider_id: "manual", status: "pending", is_selected: true, amount: cart.total }])
    const selected = await http("POST", `/store/carts/${cart.id}/payment-sessions/manual`)
    expect(selected.status).toBe(200)
    const refreshed = await http("POST", `/store/carts/${cart.id}/payment-sessions/manual/refresh`)
    expect(refreshed.body.cart.metadata.payment_sessions[0]?.id).not.toBe(cart.metadata.payment_sessions[0]?.id)

    const completed = await http("POST", `/store/carts/${cart.id}/complete`)
    expect(completed.status).toBe(200)
    expect(completed.body).toMatchObject({ type: "order", data: { cart_id: cart.id, total: 66, currency_code: "eur" } })
    expect(completed.body.cart.completed_at).toEqual(expect.any(String))
    expect(await http("POST", `/store/carts/${cart.id}/line-items`, { variant_id: SEED.variants.mug, quantity: 1 })).toMatchObject({ status: 409, body: { type: "not_allowed" } })
  })

  it("refreshes the sessions' amount when the cart changes", async () => {
    const cart = await readyCart()
    const { body } = await http("POST", `/store/carts/${cart.id}/line-items`, { variant_id: SEED.variants.mug, quantity: 1 })
    expect(body.cart.metadata.payment_sessions[0]?.amount).toBe(body.cart.total)
    expect(body.cart.total).toBeGreaterThan(cart.total)
  })

  it("replays the first order for the same Idempotency-Key, also under concurrent requests", async () => {
    const cart = await readyCart()
    const headers = { "Idempotency-Key": `key-${cart.id}` }
    const results = await Promise.all([1, 2, 3].map(() => http("POST", `/store/carts/${cart.id}/complete`, undefined, headers)))
    expect(results.map((result) => result.status)).toEqual([200, 200, 200])
    expect(new Set(results.map((result) => result.body.data.id)).size).toBe(1)
    expect([...storefront.host.orders.orders.values()].filter((order) => order.cart_id === cart.id)).toHaveLength(1)
    expect(await http("POST", `/store/carts/${cart.id}/complete`, undefined, { "Idempotency-Key": "another" })).toMatchObject({ status: 409, body: { type: "not_allowed" } })
  })

  it("refuses completion without an authorized payment session (409)", async () => {
    const cart = await newCart({ items: [{ variant_id: SEED.variants.mug, quantity: 1 }] })
    expect(await http("POST", `/store/carts/${cart.id}/complete`)).toMatchObject({ status: 409, body: { type: "not_allowed" } })
    expect(await http("POST", `/store/carts/${cart.id}/payment-sessions/manual`)).toMatchObject({ status: 404 })
    const withSessions = await http("POST", `/store/carts/${cart.id}/payment-sessions`)
    expect(withSessions.status).toBe(200)
    const deleted = await http("DELETE", `/store/carts/${cart.id}/payment-sessions/manual`)
    expect(deleted.body.cart.metadata.payment_sessions).toEqual([])
    expect(await http("POST", `/store/carts/${cart.id}/complete`)).toMatchObject({ status: 409, body: { type: "not_allowed" } })
  })

  it("answers 404 for an unknown route and 500 with a generic body for an unexpected failure", async () => {
    expect(await http("GET", "/store/nope")).toMatchObject({ status: 404, body: { type: "not_found" } })
    const failing = storefront.host.fulfillment.listShippingOptions
    storefront.host.fulfillment.listShippingOptions = () => Promise.reject(new Error("fulfillment provider down"))
    try {
      const cart = await newCart()
      expect(await http("GET", `/store/carts/${cart.id}/shipping-options`)).toEqual({ status: 500, body: { type: "unknown_error", message: "An unknown error occurred." } })
    } finally {
      storefront.host.fulfillment.listShippingOptions = failing
    }
  })
})
