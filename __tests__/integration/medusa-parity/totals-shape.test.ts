import { useCartModule } from "../../support/cart-module-fixture"
import { BigNumber } from "../../../src/money/big-number"
import type { SharedCartModule } from "../../support/cart-module-fixture"
import { MEDUSA_LINE_TOTALS as LINE_TOTALS } from "../../support/medusa-line-totals"

// Field sets recorded from @medusajs/cart 2.21.2's retrieveCart with totals on the same cart.
const TOTAL_PAIR = ["subtotal", "total", "raw_subtotal", "raw_total"]

const fixture = useCartModule()
const lean = useCartModule({ totals: { lean: true } })

async function aFullCart(f: SharedCartModule): Promise<string> {
  const s = f.service
  const cart = await s.createCarts({ currency_code: "usd", items: [{ title: "t", quantity: 3, unit_price: 10 }] })
  const [item] = await s.listLineItems({ cart_id: cart.id })
  const [method] = await s.addShippingMethods(cart.id, [{ name: "std", amount: 6 }])
  await s.addLineItemAdjustments(cart.id, [{ item_id: item!.id, amount: 3, code: "P" }])
  await s.addLineItemTaxLines(cart.id, [{ item_id: item!.id, rate: 10, code: "VAT" }])
  await s.addShippingMethodTaxLines(cart.id, [{ shipping_method_id: method!.id, rate: 20, code: "S" }])
  await s.addShippingMethodAdjustments(cart.id, [{ shipping_method_id: method!.id, amount: 1, code: "SA" }])
  await s.createCreditLines([{ cart_id: cart.id, amount: 2, reference: "r", reference_id: "x" }])
  return cart.id
}

describe("a cart read with totals", () => {
  it("returns the relations totals need, every row decorated with its own totals, as Medusa does", async () => {
    const id = await aFullCart(fixture)
    const cart = await fixture.module.service.retrieveCart(id, { select: ["id", "total"] })
    const item = cart.items![0]!
    const method = cart.shipping_methods![0]!
    for (const line of [item, method]) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining([...LINE_TOTALS, ...LINE_TOTALS.map((field) => `raw_${field}`)]))
    }
    for (const row of [
      item.adjustments![0]!,
      item.tax_lines![0]!,
      method.adjustments![0]!,
      method.tax_lines![0]!,
      cart.credit_lines![0]!,
    ]) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(TOTAL_PAIR))
    }
    // Medusa's values for this cart: adjustment 3 → 3.3; tax 3 before, 2.7 after discount; shipping tax 1.2 / 1.
    expect(JSON.parse(JSON.stringify(item.adjustments![0]))).toMatchObject({
      subtotal: 3,
      total: 3.3,
      raw_total: { value: "3.3", precision: 20 },
    })
    expect(JSON.parse(JSON.stringify(item.tax_lines![0]))).toMatchObject({ subtotal: 3, total: 2.7 })
    expect(JSON.parse(JSON.stringify(method.adjustments![0]))).toMatchObject({ subtotal: 1, total: 1.2 })
    expect(JSON.parse(JSON.stringify(method.tax_lines![0]))).toMatchObject({ subtotal: 1.2, total: 1 })
    expect(JSON.parse(JSON.stringify(cart.credit_lines![0]))).toMatchObject({ subtotal: 2, total: 2 })
    expect(JSON.parse(JSON.stringify(cart))).toMatchObject({
      total: 33.7,
      item_total: 29.7,
      shipping_total: 6,
      credit_line_total: 2,
      item_discount_total: 3.3,
      shipping_discount_total: 1.2,
    })
    expect(cart).not.toHaveProperty("item_discount_subtotal")
  })

  it("returns the stored amounts of a totals read as BigNumbers of their exact twins, rates as numbers, as Medusa does", async () => {
    const id = await aFullCart(fixture)
    const s = fixture.module.service
    await s.updateLineItems({ cart_id: id }, { compare_at_unit_price: "12.345678901234567891" })
    const cart = await s.retrieveCart(id)
    const item = cart.items![0]!
    const method = cart.shipping_methods![0]!
    const amounts = [
      item.unit_price,
      item.compare_at_unit_price,
      item.adjustments![0]!.amount,
      method.amount,
      method.adjustments![0]!.amount,
      cart.credit_lines![0]!.amount,
    ]
    for (const amount of amounts) expect(amount).toBeInstanceOf(BigNumber)
    expect(amounts.map((amount) => (amount instanceof BigNumber ? amount.raw : amount))).toEqual(
      ["10", "12.345678901234567891", "3", "6", "1", "2"].map((value) => ({ value, precision: 20 })),
    )
    // Serialised, they are the numbers a read without totals returns.
    expect(JSON.parse(JSON.stringify(amounts))).toEqual([10, 12.345678901234567, 3, 6, 1, 2])
    expect(typeof item.tax_lines![0]!.rate).toBe("number")
    const [plain] = await s.listLineItems({ cart_id: id }, { relations: ["adjustments"] })
    expect([typeof plain!.unit_price, typeof plain!.adjustments![0]!.amount]).toEqual(["number", "number"])
  })

  it("returns whole rows of the relations totals read whatever `select` names in them, and only the cart fields selected", async () => {
    const id = await aFullCart(fixture)
    const s = fixture.module.service
    const narrow = await s.retrieveCart(id, { select: ["id", "total", "items.title", "shipping_methods.name"] })
    // Medusa drops `items.*`-style entries from `select` once totals are on, so its rows come back whole.
    expect(Object.keys(narrow.items![0]!)).toEqual(expect.arrayContaining(["title", "quantity", "variant_id", "metadata", "cart_id"]))
    expect(Object.keys(narrow.items![0]!.adjustments![0]!)).toEqual(expect.arrayContaining(["code", "promotion_id", "item_id"]))
    expect(Object.keys(narrow.shipping_methods![0]!)).toEqual(expect.arrayContaining(["name", "shipping_option_id", "data"]))
    // The currency is read for rounding, but returned only when selected.
    expect(narrow).not.toHaveProperty("currency_code")
    expect(narrow).not.toHaveProperty("email")
    expect(narrow.total?.toJSON()).toBe(33.7)
    const withCurrency = await s.retrieveCart(id, { select: ["id", "currency_code", "total"] })
    expect(withCurrency.currency_code).toBe("usd")
  })

  it("leaves the relations out with totals.lean, and still computes the totals", async () => {
    const id = await aFullCart(lean)
    const cart = await lean.module.service.retrieveCart(id)
    expect(cart).not.toHaveProperty("items")
    expect(cart).not.toHaveProperty("credit_lines")
    expect(cart.total?.toJSON()).toBe(33.7)
  })
})
