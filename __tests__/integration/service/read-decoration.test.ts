import { BigNumber } from "../../../src/index"
import { useCartModule } from "../../support/cart-module-fixture"

// The read path converts rows in place and shares one BigNumber per distinct total value (issue #10,
// totals without waste). These pin what callers may rely on despite that.

const fixture = useCartModule()

describe("a cart read's decorated values", () => {
  it("gives every raw_ twin its own object: changing one never changes another", async () => {
    const s = fixture.module.service
    const created = await s.createCarts({
      currency_code: "usd",
      items: [
        { title: "a", quantity: 1, unit_price: 10 },
        { title: "b", quantity: 1, unit_price: 10 },
      ],
    })
    const cart = await s.retrieveCart(created.id, { relations: ["items"] })
    const [a, b] = cart.items!
    expect(a!.raw_total).toEqual({ value: "10", precision: 20 })
    a!.raw_total!.value = "999"
    expect(b!.raw_total).toEqual({ value: "10", precision: 20 })
    expect(a!.raw_original_total).toEqual({ value: "10", precision: 20 })
    expect(cart.raw_item_total).toEqual({ value: "20", precision: 20 })
  })

  it("returns equal totals as BigNumbers with the same exact value", async () => {
    const s = fixture.module.service
    const created = await s.createCarts({ currency_code: "usd", items: [{ title: "a", quantity: 3, unit_price: "0.1" }] })
    const item = (await s.retrieveCart(created.id, { relations: ["items"] })).items![0]!
    expect(item.total).toBeInstanceOf(BigNumber)
    expect(String(item.total)).toBe("0.3")
    expect(String(item.original_total)).toBe("0.3")
    expect(JSON.parse(JSON.stringify(item)).discount_total).toBe(0)
  })

  it("reads timestamps as Dates to the millisecond, equal to what the write returned", async () => {
    const s = fixture.module.service
    const created = await s.createCarts({ currency_code: "usd", items: [{ title: "a", quantity: 1, unit_price: 1 }] })
    const read = await s.retrieveCart(created.id, {
      select: ["id", "created_at", "updated_at", "deleted_at", "items.created_at"],
      relations: ["items"],
    })
    expect(read.created_at).toBeInstanceOf(Date)
    expect((read.created_at as Date).getTime()).toBe((created.created_at as Date).getTime())
    expect(read.deleted_at).toBeNull()
    expect((read.items![0]!.created_at as Date).getTime()).toBe((created.items![0]!.created_at as Date).getTime())
  })

  it("reads a tax rate as a number with its exact raw_rate twin", async () => {
    const s = fixture.module.service
    const created = await s.createCarts({ currency_code: "usd", items: [{ title: "a", quantity: 1, unit_price: 1 }] })
    await s.addLineItemTaxLines(created.id, [{ item_id: created.items![0]!.id, code: "T", rate: "7.125" }])
    const [line] = await s.listLineItemTaxLines({ item_id: created.items![0]!.id })
    const viaCart = (await s.retrieveCart(created.id, { relations: ["items.tax_lines"] })).items![0]!.tax_lines![0]!
    for (const row of [line!, viaCart]) {
      expect(row.rate).toBe(7.125)
      expect(row).toHaveProperty("raw_rate", { value: "7.125", precision: 20 })
    }
  })
})
