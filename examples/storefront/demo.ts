// npm run demo: starts the storefront on a free port and runs one scripted checkout over real HTTP.
import type { AddressInfo } from "node:net"
import { buildStorefront } from "./app"
import { DEMO_SHIPPING_ADDRESS, SEED } from "./seed"

type Json = Record<string, unknown>

async function call(base: string, method: string, path: string, body?: Json, headers: Record<string, string> = {}): Promise<Json> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body ? { "content-type": "application/json", ...headers } : headers,
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  const json = (await response.json()) as Json
  console.log(`${method} ${path} → ${response.status}`)
  if (!response.ok) throw new Error(`${method} ${path} failed: ${JSON.stringify(json)}`)
  return json
}

function summary(cart: Json): Json {
  const pick = (source: Json, keys: readonly string[]): Json => Object.fromEntries(keys.map((key) => [key, source[key]]))
  const items = (cart.items as Json[]).map((item) =>
    pick(item, ["title", "description", "quantity", "unit_price", "subtotal", "discount_total", "tax_total", "total"]),
  )
  const shipping = (cart.shipping_methods as Json[]).map((method) => ({
    name: (method.shipping_option as Json).name,
    ...pick(method, ["price", "tax_total", "total"]),
  }))
  const totals = pick(cart, ["subtotal", "discount_total", "shipping_total", "tax_total", "gift_card_total", "total"])
  return {
    id: cart.id,
    email: cart.email,
    currency_code: cart.currency_code,
    completed_at: cart.completed_at,
    items,
    shipping_methods: shipping,
    ...totals,
  }
}

async function main(): Promise<void> {
  const storefront = await buildStorefront()
  try {
    await storefront.app.listen({ port: 0, host: "127.0.0.1" })
    const { port } = storefront.app.server.address() as AddressInfo
    const base = `http://127.0.0.1:${port}`
    console.log(`storefront listening on ${base}\n`)

    const { cart } = (await call(base, "POST", "/store/carts", {
      region_id: SEED.regions.eu,
      country_code: "fr",
      context: { user_agent: "cartwright-demo" },
      items: [{ variant_id: SEED.variants.teeSmall, quantity: 2 }],
    })) as { cart: Json }
    const id = cart.id as string
    await call(base, "POST", `/store/carts/${id}/line-items`, { variant_id: SEED.variants.mug, quantity: 1 })
    await call(base, "POST", `/store/carts/${id}/line-items`, { variant_id: SEED.variants.teeSmall, quantity: 1 })
    await call(base, "POST", `/store/carts/${id}`, {
      email: "ada@example.com",
      shipping_address: DEMO_SHIPPING_ADDRESS,
    })
    const { shipping_options: options } = (await call(base, "GET", `/store/shipping-options/${id}`)) as { shipping_options: Json[] }
    const express = options.find((option) => option.name === "Express") ?? options[0]!
    await call(base, "POST", `/store/carts/${id}/shipping-methods`, { option_id: express.id as string })
    await call(base, "POST", `/store/carts/${id}`, { discounts: [{ code: SEED.promotions.tenPercent }] })
    await call(base, "POST", `/store/carts/${id}/taxes`)
    await call(base, "POST", `/store/carts/${id}/payment-sessions`)
    const { cart: ready } = (await call(base, "POST", `/store/carts/${id}/payment-session`, { provider_id: "manual" })) as { cart: Json }
    const completed = await call(base, "POST", `/store/carts/${id}/complete`, undefined, { "Idempotency-Key": `demo-${id}` })
    const replay = await call(base, "POST", `/store/carts/${id}/complete`, undefined, { "Idempotency-Key": `demo-${id}` })

    console.log("\nCart with totals (Medusa v1 shape: integers in the currency's smallest unit):")
    console.log(JSON.stringify(summary(ready), null, 2))
    console.log("\nOrder:")
    console.log(JSON.stringify(completed.data, null, 2))
    console.log(
      `\nReplaying the completion with the same Idempotency-Key returned the same order: ${(replay.data as Json).id === (completed.data as Json).id}`,
    )
  } finally {
    await storefront.close()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
