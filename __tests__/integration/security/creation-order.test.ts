import { useCartModule } from "../../support/cart-module-fixture"

jest.setTimeout(60_000)

const fixture = useCartModule()

const titles = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, "0")}`)
// Titles are inserted in reverse lexical order, so an order by title or by chance would not pass.
const reversed = (list: string[]) => [...list].reverse()

describe("related rows come back in creation order, though ids are random", () => {
  it("keeps the input order of one call's rows", async () => {
    const expected = reversed(titles("one-", 60))
    const cart = await fixture.service.createCarts({
      currency_code: "usd",
      items: expected.map((title) => ({ title, quantity: 1, unit_price: 1 })),
    })
    const read = await fixture.service.retrieveCart(cart.id, { relations: ["items"] })
    expect(read.items!.map((item) => item.title)).toEqual(expected)
    expect(cart.items!.map((item) => item.title)).toEqual(expected)
  })

  it("keeps the order of separate statements in one transaction (same-millisecond inserts)", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const expected = reversed(titles("tx-", 30))
    await fixture.service.transaction(async (ctx) => {
      for (const title of expected) await fixture.service.addLineItems(cart.id, [{ title, quantity: 1, unit_price: 1 }], ctx)
    })
    const read = await fixture.service.retrieveCart(cart.id, { relations: ["items"] })
    expect(read.items!.map((item) => item.title)).toEqual(expected)
    const listed = await fixture.service.listLineItems({ cart_id: cart.id })
    expect(listed.map((item) => item.title)).toEqual(expected)
  })

  it("keeps the order of separate calls, and of updated rows", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd" })
    const expected = reversed(titles("call-", 20))
    for (const title of expected) await fixture.service.addLineItems(cart.id, [{ title, quantity: 1, unit_price: 1 }])
    const updated = await fixture.service.updateLineItems({ cart_id: cart.id }, { quantity: 2 })
    expect(updated.map((item) => item.title)).toEqual(expected)
    const codes = reversed(titles("tax-", 10))
    const [item] = await fixture.service.listLineItems({ cart_id: cart.id }, { take: 1 })
    await fixture.service.setLineItemTaxLines(
      cart.id,
      codes.map((code) => ({ item_id: item!.id, code, rate: 1 })),
    )
    const read = await fixture.service.retrieveCart(cart.id, { relations: ["items.tax_lines"] })
    expect(read.items!.map((line) => line.title)).toEqual(expected)
    expect(read.items![0]!.tax_lines!.map((line) => line.code)).toEqual(codes)
  })
})
