import { z } from "zod"
import { defineModel } from "../../../models"
import { columnsSchema, lineItem, shippingMethod } from "../../../src/validation/schemas"
import { Validator } from "../../../src/validation/validator"

/** A model declared only for these tests: every kind, nullable or not, with or without a default. */
const Sample = defineModel({
  name: "Sample",
  table: "sample",
  idPrefix: "smp",
  columns: {
    label: { kind: "text" },
    note: { kind: "text", nullable: true },
    active: { kind: "boolean", default: "true" },
    count: { kind: "integer" },
    price: { kind: "money" },
    meta: { kind: "json", nullable: true },
    payload: { kind: "json", nullable: true, json: "any" },
    at: { kind: "datetime", nullable: true },
    parent_id: { kind: "text" },
  },
  relations: {},
  indexed: [],
  checks: [],
})

describe("columnsSchema derives what a caller may write from the model's declaration", () => {
  const schema = columnsSchema(Sample, { optional: ["parent_id"], rules: { label: z.string().min(1) } })

  it("requires the columns that are not nullable and have no default, except those made optional", () => {
    const result = schema.safeParse({})
    expect(result.success).toBe(false)
    const missing = result.error!.issues.map((issue) => issue.path.join("."))
    expect(missing.sort()).toEqual(["count", "label", "price"])
  })

  it("accepts a full row, null where the column is nullable, and any JSON in an `any` column", () => {
    const row = {
      label: "x",
      note: null,
      active: false,
      count: 2,
      price: "1.50",
      meta: null,
      payload: "text",
      at: new Date(),
      parent_id: "p",
    }
    expect(schema.safeParse(row).success).toBe(true)
    expect(schema.safeParse({ ...row, payload: [1, 2] }).success).toBe(true)
  })

  it("refuses a value of the wrong kind, null in a column that is not nullable, and breaks the given rule", () => {
    const base = { label: "x", count: 1, price: 1 }
    expect(schema.safeParse({ ...base, note: 5 }).success).toBe(false)
    expect(schema.safeParse({ ...base, active: null }).success).toBe(false)
    expect(schema.safeParse({ ...base, count: 1.5 }).success).toBe(false)
    expect(schema.safeParse({ ...base, price: -1 }).success).toBe(false)
    expect(schema.safeParse({ ...base, meta: [1] }).success).toBe(false)
    expect(schema.safeParse({ ...base, label: "" }).success).toBe(false)
  })
})

describe("the line item and shipping method schemas cover every column of their models", () => {
  it("validates the product and variant snapshot (before: only some of it was checked)", () => {
    const item = { title: "Tee", quantity: 1, unit_price: 10 }
    for (const field of ["product_title", "product_handle", "variant_sku", "variant_title", "product_type_id"]) {
      expect(lineItem.safeParse({ ...item, [field]: "ok" }).success).toBe(true)
      expect(lineItem.safeParse({ ...item, [field]: { not: "text" } }).success).toBe(false)
    }
  })

  it("takes any JSON value as a shipping method's description, as its model stores", () => {
    expect(shippingMethod.safeParse({ name: "n", amount: 1, description: "Next day" }).success).toBe(true)
    expect(shippingMethod.safeParse({ name: "n", amount: 1, description: { en: "Next day" } }).success).toBe(true)
  })
})

describe("Validator.parse refusals", () => {
  it("refuses a snapshot field of the wrong type with invalid_data naming it", () => {
    expect(() =>
      new Validator().parse("createLineItem", [{ cart_id: "cart_1", title: "t", quantity: 1, unit_price: 1, variant_sku: 42 }]),
    ).toThrow(expect.objectContaining({ type: "invalid_data", issues: [expect.objectContaining({ path: ["variant_sku"] })] }))
  })
})

describe("Validator.parse", () => {
  it("returns the parsed inputs in order, without the fields no schema checks", () => {
    const parsed = new Validator().parse("createCart", [
      { currency_code: "usd", version: 99, last_active_at: "2020-01-01", unknown_field: "x" },
      { currency_code: "eur", items: [{ title: "Tee", quantity: 1, unit_price: "20", cart_id: "cart_other" }] },
    ])
    expect(parsed).toEqual([{ currency_code: "usd" }, { currency_code: "eur", items: [{ title: "Tee", quantity: 1, unit_price: "20" }] }])
  })

  it("keeps a money value exactly as given (one reader converts it at storage)", () => {
    const [parsed] = new Validator().parse("createLineItemTaxLine", [{ item_id: "cali_1", code: "VAT", rate: "19.123456789012345678" }])
    expect(parsed).toEqual({ item_id: "cali_1", code: "VAT", rate: "19.123456789012345678" })
  })
})
