import fc from "fast-check"
import { Decimal } from "decimal.js"
import { fromMinorUnits, toMinorUnits } from "../../../examples/storefront/v1/money"
import { v1CartTotals } from "../../../examples/storefront/v1/v1-totals"
import { ConflictError, InvalidDataError } from "../../../src/errors/errors"
import { toV1Error } from "../../../examples/storefront/v1/v1-errors"
import { BigNumber } from "../../../src/money/big-number"
import type { CartDTO, CartLineItemDTO, CartShippingMethodDTO } from "../../../src/types/dtos"

describe("toMinorUnits", () => {
  it("converts major units to the currency's smallest unit", () => {
    expect(toMinorUnits("12.5", "eur")).toBe(1250)
    expect(toMinorUnits(25, "usd")).toBe(2500)
    expect(toMinorUnits("1500", "jpy")).toBe(1500)
    expect(toMinorUnits("1.234", "kwd")).toBe(1234)
    expect(toMinorUnits(null, "eur")).toBe(0)
  })

  it("rounds half-up once, at the minor unit, and keeps exact decimals exact", () => {
    expect(toMinorUnits("2.685", "eur")).toBe(269)
    expect(toMinorUnits("2.684999999999999999999", "eur")).toBe(268)
    expect(toMinorUnits("0.1", "eur") + toMinorUnits("0.2", "eur")).toBe(toMinorUnits("0.3", "eur"))
    expect(toMinorUnits("-0.004", "eur")).toBe(0)
  })

  it("gives an unknown currency two decimals and refuses amounts past JSON's safe integers", () => {
    expect(toMinorUnits("1.5", "zzz")).toBe(150)
    expect(() => toMinorUnits("1e20", "eur")).toThrow(RangeError)
  })

  it("round-trips every integer through fromMinorUnits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.constantFrom("eur", "jpy", "kwd"),
        (minor, currency) => toMinorUnits(fromMinorUnits(minor, currency), currency) === minor,
      ),
    )
  })
})

const amount = fc.integer({ min: 0, max: 10_000_000 }).map((units) => new Decimal(units).div(1000).toFixed())

const line = fc.record({ subtotal: amount, discount: amount, tax: amount })

function big(value: string): BigNumber {
  return new BigNumber(value)
}

function cartOf(
  items: readonly { subtotal: string; discount: string; tax: string }[],
  methods: readonly { subtotal: string; discount: string; tax: string }[],
  credit: string,
): CartDTO {
  const item = (parts: { subtotal: string; discount: string; tax: string }) =>
    ({
      unit_price: 0,
      raw_unit_price: { value: "0", precision: 20 },
      subtotal: big(parts.subtotal),
      discount_subtotal: big(parts.discount),
      tax_total: big(parts.tax),
    }) as unknown as CartLineItemDTO
  const method = (parts: { subtotal: string; discount: string; tax: string }) =>
    ({
      amount: 0,
      subtotal: big(parts.subtotal),
      discount_subtotal: big(parts.discount),
      tax_total: big(parts.tax),
    }) as unknown as CartShippingMethodDTO
  return {
    currency_code: "eur",
    items: items.map(item),
    shipping_methods: methods.map(method),
    credit_line_total: big(credit),
  } as unknown as CartDTO
}

describe("v1CartTotals", () => {
  it("keeps total = subtotal + shipping_total + tax_total − discount_total − gift_card_total exactly, on integers", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.array(line, { maxLength: 2 }), amount, (items, methods, credit) => {
        const totals = v1CartTotals(cartOf(items, methods, credit))
        const values = Object.values(totals)
        expect(values.every((value) => Number.isInteger(value))).toBe(true)
        expect(totals.total).toBe(
          totals.subtotal +
            totals.shipping_total +
            totals.tax_total -
            totals.discount_total -
            totals.gift_card_total -
            totals.gift_card_tax_total,
        )
        expect(totals.tax_total).toBe(totals.item_tax_total + totals.shipping_tax_total)
        expect(totals.gift_card_total).toBeGreaterThanOrEqual(0)
      }),
    )
  })

  it("equals the exact total in minor units when every part is already a whole minor unit", () => {
    const cents = fc.integer({ min: 0, max: 1_000_000 }).map((units) => new Decimal(units).div(100).toFixed())
    const centLine = fc.record({ subtotal: cents, discount: cents, tax: cents })
    fc.assert(
      fc.property(fc.array(centLine, { maxLength: 6 }), fc.array(centLine, { maxLength: 2 }), (items, methods) => {
        const exact = [...items, ...methods].reduce(
          (sum, part) => sum.plus(part.subtotal).minus(part.discount).plus(part.tax),
          new Decimal(0),
        )
        const totals = v1CartTotals(cartOf(items, methods, "0"))
        expect(totals.total).toBe(exact.times(100).toNumber())
      }),
    )
  })

  it("caps the gift card total at what is due", () => {
    expect(v1CartTotals(cartOf([{ subtotal: "10", discount: "0", tax: "2" }], [], "50"))).toMatchObject({ gift_card_total: 1200, total: 0 })
  })
})

describe("toV1Error", () => {
  it("maps module error types to v1's statuses", () => {
    expect(toV1Error(InvalidDataError.because("bad"))).toEqual({ status: 400, body: { type: "invalid_data", message: "bad" } })
    expect(toV1Error(ConflictError.versionMismatch("cart_1", 1, 2))).toMatchObject({
      status: 409,
      body: { type: "conflict", code: "invalid_state_error" },
    })
    expect(toV1Error(new Error("boom"))).toMatchObject({
      status: 500,
      body: { type: "unknown_error", message: "An unknown error occurred." },
    })
  })

  it("never lets SQL through in a message", () => {
    const leaked = toV1Error(InvalidDataError.because('Invalid value: INSERT INTO "cart_line_item" ("id") VALUES ($1) RETURNING *'))
    expect(leaked).toMatchObject({ status: 400, body: { type: "invalid_data" } })
    expect(leaked.body.message).not.toMatch(/insert|cart_line_item|\$1/i)
    expect(toV1Error(InvalidDataError.because("Please select a region from the list")).body.message).toBe(
      "Please select a region from the list",
    )
  })
})
