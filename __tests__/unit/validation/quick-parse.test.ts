import fc from "fast-check"
import { z } from "zod"
import { REFUSED, quickParserOf, withQuickTest } from "../../../src/validation/quick-parse"
import type { QuickParser } from "../../../src/validation/quick-parse"
import * as schemas from "../../../src/validation/schemas"

/** Every key of every plain object and array in `value`, in order: zod's output keeps the schema's key order. */
function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder)
  if (typeof value !== "object" || value === null || value instanceof Date) return typeof value
  return Object.entries(value).map(([key, child]) => [key, keyOrder(child)])
}

function parserOf(schema: z.ZodType): QuickParser {
  const parser = quickParserOf(schema)
  if (!parser) throw new Error("no quick parser")
  return parser
}

/** Holds the quick parser to its contract on `values`: what it accepts, zod accepts and returns identically. */
function expectNeverLooser(schema: z.ZodType, values: fc.Arbitrary<unknown>): void {
  const parser = parserOf(schema)
  fc.assert(
    fc.property(values, (value) => {
      const quick = parser(value)
      if (quick === REFUSED) return
      const result = schema.safeParse(value)
      expect(result.success).toBe(true)
      expect(quick).toStrictEqual(result.data)
      expect(keyOrder(quick)).toEqual(keyOrder(result.data))
    }),
    { numRuns: 3000 },
  )
}

const digits = (max: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), maxLength: max })
/** Decimal spellings near every edge: signs, leading and trailing zeros, long digit runs, exponents, junk. */
const decimalSpelling = fc
  .tuple(
    fc.constantFrom("", "-", "+", " "),
    digits(24),
    fc.option(digits(24), { nil: undefined }),
    fc.option(fc.tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), digits(3)), { nil: undefined }),
    fc.constantFrom("", "", "", " ", "x"),
  )
  .map(([sign, int, frac, exp, tail]) => `${sign}${int}${frac === undefined ? "" : `.${frac}`}${exp ? exp.join("") : ""}${tail}`)
const numbers = fc.oneof(
  fc.integer({ min: -200, max: 200 }),
  fc.double(),
  fc.constantFrom(0, -0, 100, 100.5, 99.99, 2 ** 31, 2 ** 31 - 1, 2 ** 53, 2 ** 53 - 1, -(2 ** 53), 1e21, 1e-7, 5e-324, 1e18, 1e18 - 1),
  fc.integer({ min: 1, max: 2 ** 31 + 5 }),
)
const leafValue: fc.Arbitrary<unknown> = fc.oneof(
  decimalSpelling,
  numbers,
  fc.string(),
  fc.constantFrom("", "usd", "EUR", "us1", "\u0000", "a\u0000b", null, undefined, true, false, new Date(0), new Date(Number.NaN)),
  fc.anything(),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
  fc.constant({ value: "1.5", precision: 20 }),
)

/** Objects with the schema's keys (and a stranger), each present or absent, holding any leaf value. */
function recordsOf(keys: readonly string[], value: fc.Arbitrary<unknown> = leafValue): fc.Arbitrary<unknown> {
  return fc.record(Object.fromEntries([...keys, "stranger"].map((key) => [key, value])), { requiredKeys: [] })
}

/** Like {@link recordsOf}, but most values valid for their field, so whole objects pass as often as they fail. */
function mostlyValid(schema: z.ZodObject, valid: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const keys = Object.keys(schema.shape)
  return fc.record(Object.fromEntries(keys.map((key) => [key, fc.oneof({ weight: 6, arbitrary: valid[key] ?? leafValue }, leafValue)])), {
    requiredKeys: keys.filter((key) => !(valid[key] === undefined)),
  })
}

const plainAmount = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((n) => n.toFixed(2)),
)
const VALID: Record<string, fc.Arbitrary<unknown>> = {
  title: fc.string({ minLength: 1 }),
  name: fc.string({ minLength: 1 }),
  code: fc.string({ minLength: 1 }),
  quantity: fc.integer({ min: 1, max: 100 }),
  unit_price: plainAmount,
  amount: plainAmount,
  rate: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
  cart_id: fc.string({ minLength: 1 }),
  item_id: fc.string({ minLength: 1 }),
  shipping_method_id: fc.string({ minLength: 1 }),
  currency_code: fc.constantFrom("usd", "EUR"),
}

describe("quick parsers never accept what zod refuses, and return what zod returns", () => {
  const leaves: [string, z.ZodType][] = [
    ["amount", schemas.amount],
    ["nonNegativeAmount", schemas.nonNegativeAmount],
    ["rate", schemas.rate],
    ["quantity", schemas.quantity],
    ["currencyCode", schemas.currencyCode],
    ["metadata", schemas.metadata],
    ["id", schemas.id],
  ]
  it.each(leaves)("%s", (_, schema) => expectNeverLooser(schema, leafValue))

  const objects: [string, z.ZodObject][] = [
    ["line item", schemas.lineItem],
    ["line item update", schemas.lineItem.partial()],
    ["shipping method", schemas.shippingMethod],
    ["line item tax line upsert", schemas.lineItemTaxLine.partial({ item_id: true })],
    ["shipping method tax line", schemas.shippingMethodTaxLine],
    ["line item adjustment", schemas.lineItemAdjustment],
    ["address", schemas.addressOfCart],
    ["address update", schemas.address.required({ id: true })],
    ["credit line", schemas.creditLine],
    ["cart update", schemas.cart.omit({ items: true }).partial()],
  ]
  it.each(objects)("%s", (_, schema) => {
    expectNeverLooser(schema, recordsOf(Object.keys(schema.shape)))
    expectNeverLooser(schema, mostlyValid(schema, VALID))
  })

  it("a new cart with its addresses and items", () => {
    const item = mostlyValid(schemas.lineItem.omit({ cart_id: true }), VALID)
    const address = fc.oneof(mostlyValid(schemas.address, {}), leafValue)
    const cart = fc.record(
      {
        currency_code: fc.oneof(VALID.currency_code!, leafValue),
        items: fc.oneof(fc.array(item, { maxLength: 3 }), leafValue),
        shipping_address: address,
      },
      { requiredKeys: [] },
    )
    expectNeverLooser(schemas.cart, cart)
  })
})

describe("quick parsers", () => {
  it("take the quick way for the inputs of the hot writes", () => {
    const item = { title: "Product", variant_id: "variant_1", quantity: 2, unit_price: "12.34", cart_id: "cart_1" }
    const address = { first_name: "Ada", address_1: "12 Main St", city: "Austin", country_code: "us", postal_code: "78701" }
    const accepted: [z.ZodType, unknown][] = [
      [schemas.lineItem, item],
      [schemas.lineItem.partial(), { quantity: 3 }],
      [
        schemas.cart,
        { currency_code: "usd", email: "a@b.c", shipping_address: address, items: [{ title: "P", quantity: 1, unit_price: 5 }] },
      ],
      [schemas.lineItemTaxLine.partial({ item_id: true }), { item_id: "cali_1", code: "STATE", rate: 8.25 }],
      [schemas.lineItemAdjustment, { item_id: "cali_1", code: "SPRING", amount: "1.25", metadata: { a: [1] } }],
      [schemas.shippingMethod, { name: "Standard", amount: "7.50", shipping_option_id: "so_1", data: {}, cart_id: "cart_1" }],
    ]
    for (const [schema, input] of accepted) expect(parserOf(schema)(input)).not.toBe(REFUSED)
  })

  it("keep a key present with an undefined value, as zod does, and drop keys the schema does not name", () => {
    expect(parserOf(schemas.lineItem.partial())({ quantity: undefined, version: 3 })).toEqual({ quantity: undefined })
    expect(Object.keys(parserOf(schemas.lineItem.partial())({ quantity: undefined }) as object)).toEqual(["quantity"])
  })

  it("leave a schema with an unregistered part, a refined object or an unknown kind to zod", () => {
    expect(quickParserOf(z.object({ a: z.string() }))).toBeUndefined()
    expect(quickParserOf(z.object({ a: schemas.id }).refine(() => true))).toBeUndefined()
    expect(quickParserOf(z.object({ a: schemas.id }).strict())).toBeUndefined()
    expect(quickParserOf(z.record(z.string(), schemas.id))).toBeUndefined()
    expect(quickParserOf(z.object({ a: withQuickTest(z.string(), (value) => typeof value === "string") }))).toBeDefined()
  })

  it("refuse objects that are not plain, so zod reads them", () => {
    class Item {
      title = "Product"
      quantity = 1
      unit_price = 1
    }
    expect(parserOf(schemas.lineItem)(new Item())).toBe(REFUSED)
  })
})
