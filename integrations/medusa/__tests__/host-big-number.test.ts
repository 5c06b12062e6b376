import { BigNumber, MathBN, decorateCartTotals } from "@medusajs/framework/utils"
import { MedusaCartModuleService } from "cartwright/medusa"
import { bootCartwrightApp } from "./support/cartwright-app"
import type { CartwrightApp } from "./support/cartwright-app"

// Issue #11, item 2: inside a Medusa app every total is an instance of the app's own BigNumber
// (@medusajs/framework/utils), the class Medusa's MathBN.convert and transformPropertiesToBigNumber test with
// `instanceof` (and createRawPropertiesFromBigNumber by its private `raw_`/`numeric_` fields).

type Row = Record<string, unknown>

const TOTAL = /(^|_)(total|subtotal)$/

/** Every `[path, value]` of a total field on the cart and on every nested row. */
function totalsOf(value: unknown, path = "cart"): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((entry, index) => totalsOf(entry, `${path}[${index}]`))
  if (typeof value !== "object" || value === null || value instanceof BigNumber) return []
  return Object.entries(value as Row).flatMap(([key, field]): [string, unknown][] => {
    if (TOTAL.test(key) && !key.startsWith("raw_")) return [[`${path}.${key}`, field]]
    return typeof field === "object" ? totalsOf(field, `${path}.${key}`) : []
  })
}

describe("totals inside a Medusa app are the app's BigNumber", () => {
  let host: CartwrightApp
  let cartId: string

  beforeAll(async () => {
    host = await bootCartwrightApp()
    const { carts } = host
    const cart = await carts.createCarts({
      currency_code: "usd",
      items: [
        { title: "Tee", quantity: 2, unit_price: 24.99 },
        // More digits than a double holds: only the exact raw value survives Medusa's arithmetic.
        { title: "Cap", quantity: 1, unit_price: "1234567.123456789012345", is_tax_inclusive: true },
      ],
    })
    cartId = cart.id
    const items = await carts.listLineItems({ cart_id: cartId })
    const [method] = await carts.addShippingMethods(cartId, [{ name: "Ground", amount: 5 }])
    await carts.addLineItemTaxLines(items.map((item) => ({ item_id: item.id, rate: 10.75, code: "VAT" })))
    await carts.addLineItemAdjustments([{ item_id: items[0]!.id, amount: 3, code: "TEN" }])
    await carts.addShippingMethodTaxLines([{ shipping_method_id: method!.id, rate: 5, code: "SHIP" }])
    await carts.addShippingMethodAdjustments(cartId, [{ shipping_method_id: method!.id, amount: 1, code: "FREE1" }])
    await carts.createCreditLines([{ cart_id: cartId, amount: 2, reference: "gift", reference_id: "gc_1" }])
  })

  afterAll(async () => {
    await host?.shutdown()
  })

  it("returns every total of the cart, its lines, their adjustments and tax lines, and credit lines as Medusa's BigNumber", async () => {
    const cart = await host.carts.retrieveCart(cartId)
    const totals = totalsOf(cart)
    // cart, 2 items, 1 shipping method, 3 tax lines, 2 adjustments, 1 credit line all carry totals.
    expect(new Set(totals.map(([path]) => path.replace(/\.[a-z_]+$/, ""))).size).toBe(10)
    expect(totals.filter(([, value]) => !(value instanceof BigNumber)).map(([path]) => path)).toEqual([])
    expect(cart.raw_total).toEqual({ value: MathBN.convert(cart.total).toFixed(), precision: 20 })
  })

  it("feeds Medusa's own totals code: MathBN sums them exactly and decorateCartTotals agrees", async () => {
    const cart = await host.carts.retrieveCart(cartId)
    expect(MathBN.convert(cart.item_total).toFixed()).toBe(cart.raw_item_total?.value)
    expect(MathBN.add(cart.item_total, cart.shipping_total, MathBN.mult(cart.credit_line_total, -1)).toFixed()).toBe(
      MathBN.convert(cart.total).toFixed(),
    )
    // Medusa's decoration of the same rows (a copy, so ours stay as returned) gives the same totals.
    const medusa = decorateCartTotals(JSON.parse(JSON.stringify(cart)) as Row) as Row
    const ours: Row = { ...cart }
    for (const field of ["total", "subtotal", "tax_total", "discount_total", "item_total", "shipping_total", "credit_line_total"]) {
      expect([field, MathBN.convert(medusa[field] as BigNumber).toFixed(10)]).toEqual([
        field,
        MathBN.convert(ours[field] as BigNumber).toFixed(10),
      ])
    }
  })

  it("takes an explicit totals.bigNumber class over the app's", async () => {
    class HostMoney {
      constructor(readonly raw: { value: string; precision: number }) {}
    }
    const service = new MedusaCartModuleService({ __pg_connection__: host.pg }, { totals: { bigNumber: HostMoney } })
    const cart = await service.retrieveCart(cartId)
    expect(cart.total).toBeInstanceOf(HostMoney)
    expect(cart.items?.[0]?.tax_lines?.[0]?.total).toBeInstanceOf(HostMoney)
  })
})
