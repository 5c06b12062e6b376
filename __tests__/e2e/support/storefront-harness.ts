import type { AddressInfo } from "node:net"
import Medusa from "@medusajs/medusa-js"
import { buildStorefront } from "../../../examples/storefront/app"
import type { Storefront, StorefrontOptions } from "../../../examples/storefront/app"
import { createTestDatabase } from "../../support/test-database"
import type { TestDatabase } from "../../support/test-database"
import { useStarted } from "../../support/use-started"

// Each test drives many HTTP round trips on a shared, busy machine; correctness, not speed, is asserted.
jest.setTimeout(60_000)

/** A storefront served on a loopback port over a database of its own. */
export interface RunningStorefront {
  readonly storefront: Storefront
  readonly base: string
  /** "METHOD path" of every request the server received, in order. */
  readonly requests: string[]
  /** Medusa's v1 client pointed at the storefront (no retries unless asked). */
  client(maxRetries?: number): Medusa
  stop(): Promise<void>
}

/** Starts the example storefront on 127.0.0.1 with a fresh database. */
export async function startStorefront(options: Omit<StorefrontOptions, "database"> = {}): Promise<RunningStorefront> {
  const database: TestDatabase = await createTestDatabase()
  const storefront = await buildStorefront({ ...options, database: { clientUrl: database.url } })
  const requests: string[] = []
  storefront.app.addHook("onRequest", async (request) => {
    requests.push(`${request.method} ${request.url}`)
  })
  await storefront.app.listen({ port: 0, host: "127.0.0.1" })
  const base = `http://127.0.0.1:${(storefront.app.server.address() as AddressInfo).port}`
  return {
    storefront,
    base,
    requests,
    client: (maxRetries = 0) => new Medusa({ baseUrl: base, maxRetries }),
    async stop() {
      await storefront.close()
      await database.drop()
    },
  }
}

/**
 * Starts the storefront before the file's tests and stops it after them; the returned handle reaches the
 * running one (use it inside tests, not at the top level of the file).
 */
export function useStorefront(options: Omit<StorefrontOptions, "database"> = {}): RunningStorefront {
  const current = useStarted(
    "useStorefront()",
    () => startStorefront(options),
    (running) => running.stop(),
  )
  return {
    get storefront() {
      return current().storefront
    },
    get base() {
      return current().base
    },
    get requests() {
      return current().requests
    },
    client: (maxRetries) => current().client(maxRetries),
    stop: () => current().stop(),
  }
}

/** Medusa v1's total identity on a cart: every total an integer, and the total the sum of its parts. */
export function expectV1Totals(cart: Json): void {
  for (const key of ["subtotal", "shipping_total", "tax_total", "discount_total", "gift_card_total", "total"])
    expect(Number.isInteger(cart[key])).toBe(true)
  expect(cart.total).toBe(
    cart.subtotal + cart.shipping_total + cart.tax_total - cart.discount_total - cart.gift_card_total - cart.gift_card_tax_total,
  )
}

/** The status and v1 error body of a request medusa-js rejected. */
export async function failure(
  request: Promise<unknown>,
): Promise<{ status: number; body: { type: string; message: string; code?: string } }> {
  try {
    await request
  } catch (error) {
    const response = (error as { response?: { status: number; data: { type: string; message: string; code?: string } } }).response
    if (response) return { status: response.status, body: response.data }
    throw error
  }
  throw new Error("expected the request to fail")
}

/**
 * A JSON body as the tests read it. medusa-js's response types come from `@medusajs/medusa` v1,
 * which the lockfile replaces with an empty package, so they are `any` anyway; this names it once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Json = Record<string, any>

/** Calculate Cart Taxes: medusa-js 6.1.10 has no method for this v1 route, so it goes through the client's own request. */
export function calculateTaxes(medusa: Medusa, cartId: string): Promise<Json> {
  return medusa.client.request("POST", `/store/carts/${cartId}/taxes`)
}
