import { MODELS } from "../../../models"
import { mapRow } from "../../../src/persistence/row-mapper"

const created = new Date("2026-01-02T03:04:05.678Z")

/** A line item row as the driver returns it from RETURNING: dates parsed, numerics as text. */
function lineItemRow(): Record<string, unknown> {
  return {
    id: "cali_1",
    cart_id: "cart_1",
    title: "Shirt",
    quantity: 2,
    unit_price: "10.50",
    created_at: created,
    deleted_at: null,
    extra: 1,
  }
}

describe("row mapper", () => {
  it("maps a row of a model without decimals to the DTO's keys, in the row's order, with money as numbers", () => {
    const dto = mapRow(MODELS.LineItem, lineItemRow())
    expect(Object.keys(dto)).toEqual(["id", "cart_id", "title", "quantity", "unit_price", "created_at", "deleted_at", "extra"])
    expect(dto.unit_price).toBe(10.5)
    expect(dto.created_at).toEqual(created)
    expect(dto.deleted_at).toBeNull()
  })

  it("leaves out the keys the caller reads itself, without touching the driver's row", () => {
    const row = lineItemRow()
    const dto = mapRow(MODELS.LineItem, row, new Set(["extra"]))
    expect(Object.keys(dto)).not.toContain("extra")
    expect(row.unit_price).toBe("10.50")
  })

  it("puts a decimal's exact twin right after its column", () => {
    const row = { id: "calitxl_1", rate: "7.25", code: "VAT", created_at: created }
    const dto = mapRow(MODELS.LineItemTaxLine, row)
    expect(Object.keys(dto)).toEqual(["id", "rate", "raw_rate", "code", "created_at"])
    expect(dto.rate).toBe(7.25)
    expect(dto.raw_rate).toEqual({ value: "7.25", precision: 20 })
  })

  it("turns JSON-aggregated dates (text) into Dates", () => {
    const dto = mapRow(MODELS.Address, { id: "caaddr_1", created_at: "2026-01-02T03:04:05.678+00:00" })
    expect(dto.created_at).toEqual(created)
  })
})
