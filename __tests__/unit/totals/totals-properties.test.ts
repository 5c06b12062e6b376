import fc from "fast-check"
import { Decimal } from "decimal.js"
import { minorUnitOf } from "../../../src/money/currencies"
import { computeCartTotals } from "../../../src/totals"
import type { CartTotals, LineTotals, TotalsCartInput, TotalsItemInput, TotalsShippingMethodInput } from "../../../src/totals"
import { MEDUSA_LINE_TOTALS as LINE_FIELDS } from "../../support/medusa-line-totals"

// ---- generators ---------------------------------------------------------------------------

/** `units / 10^scale` as a plain decimal string, e.g. (1234, 2) → "12.34". */
function decimalString(units: number, scale: number): string {
  return new Decimal(units).div(new Decimal(10).pow(scale)).toFixed()
}

const money = (maxUnits = 1_000_000) =>
  fc.tuple(fc.integer({ min: 0, max: maxUnits }), fc.integer({ min: 0, max: 4 })).map(([u, s]) => decimalString(u, s))
const quantity = fc.oneof(
  fc.integer({ min: 1, max: 1000 }),
  fc.integer({ min: 1, max: 100_000 }).map((units) => decimalString(units, 3)),
)
const rate = fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => decimalString(basisPoints, 2))
const taxLines = fc.array(
  rate.map((r) => ({ rate: r })),
  { maxLength: 3 },
)
const inclusiveFlag = fc.constantFrom(true, false, null, undefined)
// Tiny discounts too: one that rounds to zero can still move the tax across a rounding boundary.
const adjustments = fc.array(fc.record({ amount: fc.oneof(money(), money(50)), is_tax_inclusive: inclusiveFlag }), {
  maxLength: 2,
})

const item: fc.Arbitrary<TotalsItemInput> = fc.record({
  id: fc.constant("item"),
  unit_price: money(),
  quantity,
  is_tax_inclusive: inclusiveFlag,
  tax_lines: taxLines,
  adjustments,
})
const shippingMethod: fc.Arbitrary<TotalsShippingMethodInput> = fc.record({
  id: fc.constant("ship"),
  amount: money(),
  is_tax_inclusive: inclusiveFlag,
  tax_lines: taxLines,
  adjustments,
})
const cart: fc.Arbitrary<TotalsCartInput> = fc.record({
  currency_code: fc.constantFrom("usd", "eur", "jpy", "krw", "kwd", "bhd", "clf"),
  items: fc.array(item, { maxLength: 6 }),
  shipping_methods: fc.array(shippingMethod, { maxLength: 2 }),
  credit_lines: fc.array(fc.record({ amount: money(10_000) }), { maxLength: 3 }),
})
const rounding = fc.constantFrom({ mode: "half_even" } as const, { mode: "half_up" } as const)

// ---- a direct transcription of SPEC §4, at 200 digits, as the oracle ------------------------

const Ref = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_UP })
const div20 = (a: Decimal.Value, b: Decimal.Value) => new Ref(a).div(b).toDecimalPlaces(20, Decimal.ROUND_HALF_UP)
const sum = (values: readonly Decimal.Value[]) => values.reduce<Decimal>((acc, v) => acc.plus(v), new Ref(0))

type RefLine = Record<(typeof LINE_FIELDS)[number], Decimal>

function referenceLine(
  gross: Decimal,
  inclusive: boolean,
  rates: readonly Decimal.Value[],
  adjustments: readonly { amount: Decimal.Value; inclusive: boolean }[],
): RefLine {
  const onePlusR = div20(sum(rates), 100).plus(1)
  const subtotal = inclusive ? div20(gross, onePlusR) : gross
  const discountSubtotal = sum(adjustments.map((a) => (a.inclusive ? div20(a.amount, onePlusR) : new Ref(a.amount))))
  const taxable = subtotal.minus(discountSubtotal)
  const taxTotal = sum(rates.map((r) => taxable.times(div20(r, 100))))
  const originalTaxTotal = sum(rates.map((r) => subtotal.times(div20(r, 100))))
  const originalTotal = inclusive ? gross : subtotal.plus(originalTaxTotal)
  const discountTaxTotal = originalTaxTotal.minus(taxTotal)
  return {
    total: taxable.plus(taxTotal),
    subtotal,
    tax_total: taxTotal,
    discount_total: discountSubtotal.plus(discountTaxTotal),
    discount_subtotal: discountSubtotal,
    discount_tax_total: discountTaxTotal,
    original_total: originalTotal,
    original_subtotal: originalTotal.minus(originalTaxTotal),
    original_tax_total: originalTaxTotal,
  }
}

const referenceItem = (i: TotalsItemInput) =>
  referenceLine(
    new Ref(i.unit_price).times(i.quantity),
    i.is_tax_inclusive === true,
    i.tax_lines.map((t) => t.rate),
    i.adjustments.map((a) => ({ amount: a.amount, inclusive: a.is_tax_inclusive === true })),
  )
const referenceShipping = (m: TotalsShippingMethodInput) =>
  referenceLine(
    new Ref(m.amount),
    m.is_tax_inclusive === true,
    m.tax_lines.map((t) => t.rate),
    m.adjustments.map((a) => ({ amount: a.amount, inclusive: false })),
  )

function expectSameLine(actual: LineTotals, expected: RefLine): void {
  for (const field of LINE_FIELDS) expect([field, actual[field].toFixed()]).toEqual([field, expected[field].toFixed()])
}

// Σ over lines, field by field: the plain definition the engine's shortcut sums must match.
function sumField(lines: readonly LineTotals[], field: keyof LineTotals): Decimal {
  return sum(lines.map((line) => line[field]))
}

function expectGroupSums(totals: CartTotals, items: readonly LineTotals[], shipping: readonly LineTotals[]): void {
  for (const field of LINE_FIELDS) {
    const itemKey = (field.startsWith("original_") ? `original_item_${field.slice(9)}` : `item_${field}`) as keyof CartTotals
    const shipKey = (field.startsWith("original_") ? `original_shipping_${field.slice(9)}` : `shipping_${field}`) as keyof CartTotals
    expect([itemKey, totals[itemKey].toFixed()]).toEqual([itemKey, sumField(items, field).toFixed()])
    expect([shipKey, totals[shipKey].toFixed()]).toEqual([shipKey, sumField(shipping, field).toFixed()])
    if (field !== "total") {
      expect([field, totals[field].toFixed()]).toEqual([field, totals[itemKey].plus(totals[shipKey]).toFixed()])
    }
  }
}

// ---- properties ---------------------------------------------------------------------------

describe("totals properties", () => {
  it("matches a direct transcription of the spec, field by field, without rounding", () => {
    fc.assert(
      fc.property(cart, (input) => {
        const result = computeCartTotals(input)
        input.items.forEach((i, index) => expectSameLine(result.items[index]!, referenceItem(i)))
        input.shipping_methods.forEach((m, index) => expectSameLine(result.shipping_methods[index]!, referenceShipping(m)))
        expectGroupSums(result.cart, result.items, result.shipping_methods)
      }),
    )
  })

  it("total = item_total + shipping_total − credit_line_total, rounded or not", () => {
    fc.assert(
      fc.property(cart, fc.oneof(fc.constant("none" as const), rounding), (input, mode) => {
        const { cart: totals } = computeCartTotals(input, { rounding: mode })
        const expected = totals.item_total.plus(totals.shipping_total).minus(totals.credit_line_total)
        expect(totals.total.toFixed()).toBe(expected.toFixed())
      }),
    )
  })

  it("gives a tax-inclusive item an original_total of exactly unit_price × quantity", () => {
    fc.assert(
      fc.property(item, (i) => {
        const inclusive = { ...i, is_tax_inclusive: true }
        const [line] = computeCartTotals({ currency_code: "usd", items: [inclusive], shipping_methods: [], credit_lines: [] }).items
        expect(line!.original_total.toFixed()).toBe(new Decimal(i.unit_price).times(i.quantity).toFixed())
      }),
    )
  })

  it("discount_total = original_total − total on every line (within Medusa's 20-place division when tax-inclusive)", () => {
    fc.assert(
      fc.property(cart, (input) => {
        const result = computeCartTotals(input)
        const lines = [
          ...result.items.map((line, index) => [line, input.items[index]!.is_tax_inclusive === true] as const),
          ...result.shipping_methods.map((line, index) => [line, input.shipping_methods[index]!.is_tax_inclusive === true] as const),
        ]
        for (const [line, inclusive] of lines) {
          const gap = line.discount_total.minus(line.original_total.minus(line.total)).abs()
          // gross − gross/(1+R)·(1+R) is below 10^-20·(1+R) ≤ 2·10^-20 when the quotient is rounded at 20 places.
          expect(gap.lte(inclusive ? "2e-20" : 0)).toBe(true)
        }
      }),
    )
  })

  it("makes every rounded total the sum of its rounded parts", () => {
    fc.assert(
      fc.property(cart, rounding, (input, mode) => {
        const result = computeCartTotals(input, { rounding: mode })
        const minorUnit = minorUnitOf(input.currency_code)
        for (const line of [...result.items, ...result.shipping_methods]) {
          for (const field of LINE_FIELDS) expect(line[field].decimalPlaces()).toBeLessThanOrEqual(minorUnit)
          expect(line.total.eq(line.subtotal.minus(line.discount_subtotal).plus(line.tax_total))).toBe(true)
          expect(line.original_total.eq(line.original_subtotal.plus(line.original_tax_total))).toBe(true)
          expect(line.discount_total.eq(line.discount_subtotal.plus(line.discount_tax_total))).toBe(true)
          expect(line.discount_tax_total.eq(line.original_tax_total.minus(line.tax_total))).toBe(true)
          expect(line.discount_total.eq(line.original_total.minus(line.total))).toBe(true)
        }
        for (const value of Object.values(result.cart)) expect(value.decimalPlaces()).toBeLessThanOrEqual(minorUnit)
        expectGroupSums(result.cart, result.items, result.shipping_methods)
      }),
    )
  })

  it("keeps each rounded tax total within half a minor unit per tax line of the exact one", () => {
    fc.assert(
      fc.property(cart, rounding, (input, mode) => {
        const exact = computeCartTotals(input).items
        const rounded = computeCartTotals(input, { rounding: mode }).items
        const halfUnit = new Decimal(10).pow(-minorUnitOf(input.currency_code)).div(2)
        input.items.forEach((i, index) => {
          const drift = rounded[index]!.tax_total.minus(exact[index]!.tax_total).abs()
          expect(drift.lte(halfUnit.times(i.tax_lines.length))).toBe(true)
        })
      }),
    )
  })
})
