import { SEED } from "../../examples/storefront/seed"
import { failure, useStorefront } from "./support/storefront-harness"

const server = useStorefront()

/** A raw request, for what medusa-js cannot send (broken JSON, other media types, huge URLs). */
async function raw(
  method: string,
  path: string,
  init: { body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.base}${path}`, {
    method,
    ...(init.body !== undefined ? { body: init.body } : {}),
    headers: init.headers ?? {},
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

function expectNoInternals(body: Record<string, unknown>): void {
  expect(JSON.stringify(body)).not.toMatch(/select|insert|update .* set|cart_line_item|postgres|stack|at \//i)
}

describe("v1 error statuses and bodies", () => {
  it("400 invalid_data for a body that does not match the route's schema", async () => {
    const medusa = server.client()
    const cart = (await medusa.carts.create({})).cart
    const wrongType = await failure(medusa.carts.create({ items: [{ variant_id: SEED.variants.mug, quantity: "two" }] } as never))
    expect(wrongType).toMatchObject({ status: 400, body: { type: "invalid_data", message: expect.stringContaining("items.0.quantity") } })
    expect(await failure(medusa.carts.update(cart.id, { nope: 1 } as never))).toMatchObject({ status: 400, body: { type: "invalid_data" } })
    expect(await failure(medusa.carts.update(cart.id, { email: "not-an-email" }))).toMatchObject({
      status: 400,
      body: { type: "invalid_data" },
    })
    expect(await failure(medusa.carts.lineItems.create(cart.id, { variant_id: SEED.variants.mug, quantity: -1 }))).toMatchObject({
      status: 400,
      body: { type: "invalid_data" },
    })
    expect(await failure(medusa.carts.create({ region_id: SEED.regions.eu, country_code: "us" }))).toMatchObject({
      status: 400,
      body: { type: "invalid_data" },
    })
  })

  it("400 not_allowed for refused actions, sent once even with retries on", async () => {
    const cart = (await server.client().carts.create({ items: [{ variant_id: SEED.variants.mug, quantity: 1 }] })).cart
    const before = server.requests.length
    expect(await failure(server.client(3).carts.complete(cart.id))).toMatchObject({ status: 400, body: { type: "not_allowed" } })
    expect(server.requests.slice(before)).toEqual([`POST /store/carts/${cart.id}/complete`])
  })

  it("404 not_found for unknown carts, lines, variants, regions and routes", async () => {
    const medusa = server.client()
    const cart = (await medusa.carts.create({})).cart
    expect(await failure(medusa.carts.retrieve("cart_missing"))).toMatchObject({ status: 404, body: { type: "not_found" } })
    expect(await failure(medusa.carts.lineItems.update(cart.id, "cali_missing", { quantity: 1 }))).toMatchObject({
      status: 404,
      body: { type: "not_found" },
    })
    expect(await failure(medusa.carts.lineItems.delete(cart.id, "cali_missing"))).toMatchObject({
      status: 404,
      body: { type: "not_found" },
    })
    expect(await failure(medusa.carts.lineItems.create(cart.id, { variant_id: "variant_nope", quantity: 1 }))).toMatchObject({
      status: 404,
      body: { type: "not_found" },
    })
    expect(await failure(medusa.carts.create({ region_id: "reg_nope" }))).toMatchObject({ status: 404, body: { type: "not_found" } })
    expect(await failure(medusa.regions.retrieve("reg_nope"))).toMatchObject({ status: 404, body: { type: "not_found" } })
    expect(await failure(medusa.shippingOptions.listCartOptions("cart_missing"))).toMatchObject({
      status: 404,
      body: { type: "not_found" },
    })
    expect(await raw("GET", "/store/nope")).toMatchObject({ status: 404, body: { type: "not_found" } })
  })

  it("Fastify's own failures are v1 bodies too: broken JSON 400, other media types 415, long URLs 414", async () => {
    const json = { "content-type": "application/json" }
    expect(await raw("POST", "/store/carts", { body: "{not json", headers: json })).toMatchObject({
      status: 400,
      body: { type: "invalid_data" },
    })
    expect(
      await raw("POST", "/store/carts", { body: "region_id=x", headers: { "content-type": "application/x-www-form-urlencoded" } }),
    ).toMatchObject({ status: 415, body: { type: "invalid_data" } })
    expect(await raw("GET", `/store/carts/${"x".repeat(300)}`)).toEqual({
      status: 414,
      body: { type: "invalid_data", message: "A path parameter is too long" },
    })
    expect(
      await raw("POST", "/store/carts", { body: JSON.stringify({ context: { pad: "x".repeat(2_000_000) } }), headers: json }),
    ).toMatchObject({ status: 413, body: { type: "invalid_data" } })
  })

  it("500 with a generic body for an unexpected failure, and never SQL in any body", async () => {
    const cart = (await server.client().carts.create({})).cart
    const fulfillment = server.storefront.host.fulfillment
    const original = fulfillment.listShippingOptions.bind(fulfillment)
    fulfillment.listShippingOptions = () => Promise.reject(new Error("select * from secrets"))
    try {
      const failed = await failure(server.client().shippingOptions.listCartOptions(cart.id))
      expect(failed).toEqual({ status: 500, body: { type: "unknown_error", code: "unknown_error", message: "An unknown error occurred." } })
    } finally {
      fulfillment.listShippingOptions = original
    }
    const huge = await failure(server.client().carts.lineItems.create(cart.id, { variant_id: SEED.variants.mug, quantity: 3_000_000_000 }))
    expect(huge).toMatchObject({ status: 400, body: { type: "invalid_data" } })
    expectNoInternals(huge.body)
    const merged = await server.client().carts.lineItems.create(cart.id, { variant_id: SEED.variants.mug, quantity: 2_000_000_000 })
    const overflow = await failure(
      server.client().carts.lineItems.create(cart.id, { variant_id: SEED.variants.mug, quantity: 2_000_000_000 }),
    )
    expect(merged.cart.items).toHaveLength(1)
    expect(overflow.status).toBe(400)
    expectNoInternals(overflow.body)
  })
})
