import { BigNumber } from "../../../src/index"
import { useCartModule } from "../../support/cart-module-fixture"
import { countStatements } from "../../support/statement-counter"

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

describe("a read without relations (plain columns, no JSON)", () => {
  it("returns every column as the same read with a relation does: dates, money, json, booleans and nulls", async () => {
    const s = fixture.module.service
    const created = await s.createCarts({
      currency_code: "usd",
      email: "flat@example.com",
      metadata: { note: "flat" },
      items: [
        { title: "a", quantity: 2, unit_price: "10.125", compare_at_unit_price: "12", metadata: { gift: true }, is_discountable: false },
      ],
    })
    const itemId = created.items![0]!.id
    const [flat] = await s.listLineItems({ id: itemId })
    const [nested] = await s.listLineItems({ id: itemId }, { relations: ["tax_lines"] })
    const { tax_lines: _loaded, ...nestedColumns } = nested!
    expect(flat).toEqual(nestedColumns)
    expect(flat!.created_at).toBeInstanceOf(Date)
    expect((flat!.created_at as Date).getTime()).toBe((created.items![0]!.created_at as Date).getTime())
    expect(flat!.deleted_at).toBeNull()
    expect(flat!.unit_price).toBe(10.125)
    expect(flat!.raw_unit_price).toEqual({ value: "10.125", precision: 20 })
    expect(flat!.metadata).toEqual({ gift: true })
    expect(flat!.is_discountable).toBe(false)

    const [cartFlat] = await s.listCarts({ id: created.id })
    expect(cartFlat).toMatchObject({ id: created.id, email: "flat@example.com", metadata: { note: "flat" }, shipping_address_id: null })
  })

  it("builds JSON only for reads that nest relations", async () => {
    const s = fixture.module.service
    const created = await s.createCarts({ currency_code: "usd", items: [{ title: "a", quantity: 1, unit_price: 1 }] })
    const flat = await countStatements(() => s.listAndCountCarts({ id: created.id }, { select: ["id", "created_at"], take: 5 }))
    const nested = await countStatements(() => s.listCarts({ id: created.id }, { relations: ["items"] }))
    expect(flat.statements).toHaveLength(1)
    expect(flat.statements[0]).not.toMatch(/json_build_object|json_agg/)
    expect(nested.statements[0]).toMatch(/json_agg/)
  })

  it("counts a page without putting the count on its rows", async () => {
    const s = fixture.module.service
    const created = await s.createCarts([{ currency_code: "usd" }, { currency_code: "usd" }, { currency_code: "usd" }])
    const ids = created.map((cart) => cart.id)
    const [rows, count] = await s.listAndCountCarts({ id: ids }, { select: ["id", "created_at"], take: 2, order: { created_at: "ASC" } })
    expect(count).toBe(3)
    expect(rows).toHaveLength(2)
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(["created_at", "id"])
    const [past, total] = await s.listAndCountCarts({ id: ids }, { select: ["id"], take: 2, skip: 5 })
    expect(past).toEqual([])
    expect(total).toBe(3)
  })
})
