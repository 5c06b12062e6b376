import type { Decimal } from "../../../src/money/decimal"
import { computeCartTotals } from "../../../src/totals"
import type { TotalsAdjustmentInput, TotalsCartInput, TotalsItemInput, TotalsOptions, TotalsShippingMethodInput } from "../../../src/totals"

type Money = string | number

/** An item priced `unit_price × quantity`, tax-exclusive, no tax lines and no discounts unless given. */
export function anItem(unitPrice: Money, overrides: Partial<Omit<TotalsItemInput, "unit_price">> = {}): TotalsItemInput {
  return { id: "item", unit_price: unitPrice, quantity: 1, tax_lines: [], adjustments: [], ...overrides }
}

/** A shipping method of `amount`, tax-exclusive, no tax lines and no discounts unless given. */
export function aShippingMethod(
  amount: Money,
  overrides: Partial<Omit<TotalsShippingMethodInput, "amount">> = {},
): TotalsShippingMethodInput {
  return { id: "ship", amount, tax_lines: [], adjustments: [], ...overrides }
}

/** Tax lines from percentages: `taxedAt(10, 5)`. */
export function taxedAt(...rates: Money[]): { rate: Money }[] {
  return rates.map((rate) => ({ rate }))
}

/** A pre-tax discount of `amount`. */
export function discountOf(amount: Money, isTaxInclusive = false): TotalsAdjustmentInput {
  return { amount, is_tax_inclusive: isTaxInclusive }
}

/** An immutable cart builder: every `with*` returns a new builder. */
export class CartBuilder {
  constructor(private readonly cart: TotalsCartInput) {}

  withItem(item: TotalsItemInput): CartBuilder {
    return new CartBuilder({ ...this.cart, items: [...this.cart.items, { ...item, id: `item_${this.cart.items.length}` }] })
  }

  withShippingMethod(method: TotalsShippingMethodInput): CartBuilder {
    return new CartBuilder({ ...this.cart, shipping_methods: [...this.cart.shipping_methods, method] })
  }

  withCreditLine(amount: Money): CartBuilder {
    return new CartBuilder({ ...this.cart, credit_lines: [...this.cart.credit_lines, { amount }] })
  }

  build(): TotalsCartInput {
    return this.cart
  }
}

/** An empty cart in `currency` (usd by default). */
export function aCart(currency = "usd"): CartBuilder {
  return new CartBuilder({ currency_code: currency, items: [], shipping_methods: [], credit_lines: [] })
}

/** Totals as exact strings, so expectations read like the hand-worked arithmetic. */
export function asStrings<T extends { readonly [K in keyof T]: Decimal }>(totals: T): Record<keyof T, string> {
  const strings = {} as Record<keyof T, string>
  for (const key of Object.keys(totals) as (keyof T)[]) strings[key] = totals[key].toFixed()
  return strings
}

/** The nine line totals with every value zero, to spread and override. */
export const ZERO_LINE = {
  total: "0",
  subtotal: "0",
  tax_total: "0",
  discount_total: "0",
  discount_subtotal: "0",
  discount_tax_total: "0",
  original_total: "0",
  original_subtotal: "0",
  original_tax_total: "0",
} as const

/** One line's nine totals as exact strings. */
export type LineStrings = Record<keyof typeof ZERO_LINE, string>

/** What a case expects of a line: every total (`equals`), or only the totals the case is about (`includes`). */
export type LineExpectation = { readonly equals: LineStrings } | { readonly includes: Partial<LineStrings> }

function expectLine(actual: LineStrings, expected: LineExpectation): void {
  if ("equals" in expected) expect(actual).toEqual(expected.equals)
  else expect(actual).toMatchObject(expected.includes)
}

/** A table row for `it.each(...)("$name", ...)`: a line, named after the arithmetic it checks, and what it must come to. */
export type LineCase<Line> = { readonly name: string; readonly line: Line } & LineExpectation

/** Registers one test per case, named after it, checking the line `totalsOf` computes for the case. */
export function itChecksEachLine<Case extends LineCase<unknown>>(cases: readonly Case[], totalsOf: (row: Case) => LineStrings): void {
  it.each(cases)("$name", (row) => expectLine(totalsOf(row), row))
}

/** The totals of `item` alone in a cart of `currency`, as strings. */
export function itemTotalsOf(item: TotalsItemInput, currency = "usd", options: TotalsOptions = {}): LineStrings {
  const [line] = computeCartTotals(aCart(currency).withItem(item).build(), options).items
  return asStrings(line!)
}

/** The totals of `method` alone in a cart, as strings. */
export function shippingTotalsOf(method: TotalsShippingMethodInput): LineStrings {
  const [line] = computeCartTotals(aCart().withShippingMethod(method).build()).shipping_methods
  return asStrings(line!)
}
