import { minorUnitOf } from "../money/currencies"
import { cartTotalsOf, sumLines } from "./cart-totals"
import { creditLineTotalOf } from "./credit-line-total"
import { breakdownItem, breakdownShippingMethod } from "./line-breakdown"
import type { LineBreakdown } from "./line-breakdown"
import { lineTotalsOf } from "./line-totals"
import { createMoneyReader } from "./money-reader"
import { roundBreakdown } from "./round-breakdown"
import { createRounder } from "./rounder"
import type { Rounder } from "./rounder"
import type { TotalsCartInput } from "./totals-input"
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
 * @throws RangeError for an unknown currency when rounding or when there are credit lines.
 */
export function computeCartTotals(cart: TotalsCartInput, options: TotalsOptions = {}): CartTotalsResult {
  const reader = createMoneyReader()
  const round = rounderFor(cart.currency_code, options.rounding ?? "none")
  const finish = (parts: LineBreakdown) => lineTotalsOf(round ? roundBreakdown(parts, round) : parts)
  const items = cart.items.map((item) => finish(breakdownItem(item, reader)))
  const shippingMethods = cart.shipping_methods.map((method) => finish(breakdownShippingMethod(method, reader)))
  const creditLineTotal = creditLineTotalOf(cart.credit_lines, cart.currency_code, reader.read, round)
  return {
    cart: cartTotalsOf(sumLines(items), sumLines(shippingMethods), creditLineTotal),
    items,
    shipping_methods: shippingMethods,
  }
}

function rounderFor(currencyCode: string, rounding: TotalsRounding): Rounder | undefined {
  return rounding === "none" ? undefined : createRounder(minorUnitOf(currencyCode), rounding.mode)
}
