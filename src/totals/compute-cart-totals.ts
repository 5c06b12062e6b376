import { minorUnitOf } from "../money/currencies"
import { sumOf } from "./arithmetic"
import { cartTotalsOf, sumLines } from "./cart-totals"
import { creditLineAmountsOf, creditLineTotalOf } from "./credit-line-total"
import { breakdownItem, breakdownShippingMethod } from "./line-breakdown"
import type { LineBreakdown } from "./line-breakdown"
import { lineTotalsOf } from "./line-totals"
import { createMoneyReader } from "./money-reader"
import { roundBreakdown } from "./round-breakdown"
import { rowTotalsOf } from "./row-totals"
import { createRounder } from "./rounder"
import type { Rounder } from "./rounder"
import type { TotalsCartInput, TotalsTaxLineInput } from "./totals-input"
import type { TotalsOptions, TotalsRounding } from "./totals-options"
import type { CartTotalsResult } from "./totals-result"

/**
 * Computes a cart's totals and those of each item and shipping method, as Decimals.
 *
 * Pure: reads `cart` without changing it and returns new objects. With `rounding: "none"` (the
 * default) the values are exactly Medusa's; with a mode they are rounded to the currency's minor
 * unit, and every total is the sum of its rounded parts.
 *
 * @throws TypeError for a malformed amount, price, quantity or rate.
 * @throws RangeError for an unknown currency when rounding (an unknown currency never fails otherwise).
 */
export function computeCartTotals(cart: TotalsCartInput, options: TotalsOptions = {}): CartTotalsResult {
  const reader = createMoneyReader()
  const round = rounderFor(cart.currency_code, options.rounding ?? "none")
  const partsOf = (parts: LineBreakdown) => (round ? roundBreakdown(parts, round) : parts)
  const rateSum = (taxLines: readonly TotalsTaxLineInput[]) => sumOf(taxLines.map((line) => reader.rateFraction(line.rate)))
  const itemParts = cart.items.map((item) => partsOf(breakdownItem(item, reader)))
  const methodParts = cart.shipping_methods.map((method) => partsOf(breakdownShippingMethod(method, reader)))
  const items = itemParts.map(lineTotalsOf)
  const shippingMethods = methodParts.map(lineTotalsOf)
  const creditLineTotal = creditLineTotalOf(cart.credit_lines, cart.currency_code, reader.read, round)
  return {
    cart: cartTotalsOf(sumLines(items), sumLines(shippingMethods), creditLineTotal),
    items,
    shipping_methods: shippingMethods,
    item_rows: itemParts.map((parts, index) => rowTotalsOf(parts, rateSum(cart.items[index]!.tax_lines), round)),
    shipping_method_rows: methodParts.map((parts, index) => rowTotalsOf(parts, rateSum(cart.shipping_methods[index]!.tax_lines), round)),
    credit_lines: creditLineAmountsOf(cart.credit_lines, reader.read, round).map((amount) => ({ subtotal: amount, total: amount })),
  }
}

function rounderFor(currencyCode: string, rounding: TotalsRounding): Rounder | undefined {
  return rounding === "none" ? undefined : createRounder(minorUnitOf(currencyCode), rounding.mode)
}
