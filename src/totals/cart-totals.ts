import type { Decimal } from "../money/decimal"
import { ZERO, add, subtract } from "./arithmetic"
import type { CartTotals, LineTotals } from "./totals-result"

/**
 * The nine totals of a group of lines, each the sum over the lines.
 *
 * Only the totals that vary independently are accumulated; the rest follow from identities every
 * line satisfies (subtotal = total − tax_total + discount_subtotal, original_total =
 * original_subtotal + original_tax_total, ...), which hold exactly for the sums too. Zero terms
 * are skipped, so an undiscounted tax-exclusive line costs two additions instead of nine.
 */
export function sumLines(lines: readonly LineTotals[]): LineTotals {
  let total = ZERO
  let taxTotal = ZERO
  let discountSubtotal = ZERO
  let discountTaxTotal = ZERO
  // Σ (original_subtotal − subtotal): zero for tax-exclusive lines, which share one object for both.
  let originalGap = ZERO
  for (const line of lines) {
    total = add(total, line.total)
    taxTotal = add(taxTotal, line.tax_total)
    discountSubtotal = add(discountSubtotal, line.discount_subtotal)
    discountTaxTotal = add(discountTaxTotal, line.discount_tax_total)
    if (line.original_subtotal !== line.subtotal) {
      originalGap = add(originalGap, subtract(line.original_subtotal, line.subtotal))
    }
  }
  const subtotal = add(subtract(total, taxTotal), discountSubtotal)
  const originalSubtotal = add(subtotal, originalGap)
  const originalTaxTotal = add(taxTotal, discountTaxTotal)
  return {
    total,
    subtotal,
    tax_total: taxTotal,
    discount_total: add(discountSubtotal, discountTaxTotal),
    discount_subtotal: discountSubtotal,
    discount_tax_total: discountTaxTotal,
    original_total: add(originalSubtotal, originalTaxTotal),
    original_subtotal: originalSubtotal,
    original_tax_total: originalTaxTotal,
  }
}

/** The cart's totals from its item and shipping group totals and its credit line total. */
export function cartTotalsOf(items: LineTotals, shipping: LineTotals, creditLineTotal: Decimal): CartTotals {
  return {
    total: subtract(add(items.total, shipping.total), creditLineTotal),
    subtotal: add(items.subtotal, shipping.subtotal),
    tax_total: add(items.tax_total, shipping.tax_total),
    discount_total: add(items.discount_total, shipping.discount_total),
    discount_subtotal: add(items.discount_subtotal, shipping.discount_subtotal),
    discount_tax_total: add(items.discount_tax_total, shipping.discount_tax_total),
    original_total: add(items.original_total, shipping.original_total),
    original_subtotal: add(items.original_subtotal, shipping.original_subtotal),
    original_tax_total: add(items.original_tax_total, shipping.original_tax_total),
    item_total: items.total,
    item_subtotal: items.subtotal,
    item_tax_total: items.tax_total,
    item_discount_total: items.discount_total,
    item_discount_subtotal: items.discount_subtotal,
    item_discount_tax_total: items.discount_tax_total,
    original_item_total: items.original_total,
    original_item_subtotal: items.original_subtotal,
    original_item_tax_total: items.original_tax_total,
    shipping_total: shipping.total,
    shipping_subtotal: shipping.subtotal,
    shipping_tax_total: shipping.tax_total,
    shipping_discount_total: shipping.discount_total,
    shipping_discount_subtotal: shipping.discount_subtotal,
    shipping_discount_tax_total: shipping.discount_tax_total,
    original_shipping_total: shipping.original_total,
    original_shipping_subtotal: shipping.original_subtotal,
    original_shipping_tax_total: shipping.original_tax_total,
    credit_line_total: creditLineTotal,
    credit_line_subtotal: creditLineTotal,
    credit_line_tax_total: ZERO,
  }
}
