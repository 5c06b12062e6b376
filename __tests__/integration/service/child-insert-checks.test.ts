import { useCartModule } from "../../support/cart-module-fixture"

// The general insert of children reads a check per row in the INSERT itself (is the parent live? how
// many lines did the cart hold?); that column is the module's own and never part of what is returned.
const fixture = useCartModule({ limits: { maxLinesPerCart: 3, maxQuantity: 100 } })

const item = (title: string) => ({ title, quantity: 1, unit_price: 10 })

describe("children inserted with a check read in the same statement", () => {
  it("returns tax lines under a live item without the parent check's column", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [item("Tee")] })
    const lineId = cart.items![0]!.id
    // Inside a host transaction the general path runs: lock, then the INSERT that checks the parent.
    const [taxLine] = await fixture.service.transaction((ctx) =>
      fixture.service.addLineItemTaxLines(cart.id, [{ item_id: lineId, code: "VAT", rate: 20 }], ctx),
    )
    expect(taxLine).toMatchObject({ item_id: lineId, code: "VAT" })
    expect(Object.keys(taxLine!)).not.toContain("__parent_live")
  })

  it("refuses a tax line under a soft-deleted item, naming the item", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [item("Tee")] })
    const lineId = cart.items![0]!.id
    await fixture.service.softDeleteLineItems(lineId)
    await expect(
      fixture.service.transaction((ctx) => fixture.service.addLineItemTaxLines(cart.id, [{ item_id: lineId, code: "VAT", rate: 20 }], ctx)),
    ).rejects.toMatchObject({ type: "not_found" })
  })

  it("returns items added under a line limit without the count's column, and still counts", async () => {
    const cart = await fixture.service.createCarts({ currency_code: "usd", items: [item("One")] })
    const added = await fixture.service.addLineItems(cart.id, [item("Two"), item("Three")])
    expect(added.map((line) => line.title)).toEqual(["Two", "Three"])
    for (const line of added) expect(Object.keys(line)).not.toContain("__rows_before")
    await expect(fixture.service.addLineItems(cart.id, [item("Four")])).rejects.toMatchObject({ type: "invalid_data" })
  })
})
